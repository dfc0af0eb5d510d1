using System.Globalization;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>
/// <c>serviceaccounts/{name}/token</c>: issues a token for the service account (a TokenRequest in, the same with
/// <c>status.token</c> out). The cluster accepts the tokens it issues until they expire.
/// </summary>
internal static class TokenHandler
{
    private const long DefaultExpirationSeconds = 3600;
    private const long MinExpirationSeconds = 600;

    public static Task HandleAsync(HttpContext context, ClusterContext cluster, ResourcePath path, byte[] body)
    {
        var account = cluster.Store.Find(path.Type, path.Namespace, path.Name) ?? throw new ApiException(ApiStatus.NotFound(path.Type, path.Name));
        var request = body.Length > 0 ? RequestBody.ParseObject(context, body) : [];
        var spec = request["spec"] as JsonObject ?? [];
        var expiration = Json.AsLong(spec["expirationSeconds"]) ?? DefaultExpirationSeconds;
        if (expiration < MinExpirationSeconds)
        {
            var tokenType = path.Type with { Group = "authentication.k8s.io", Kind = "TokenRequest" };
            throw new ApiException(ApiStatus.Invalid(tokenType, path.Name, "spec.expirationSeconds", "FieldValueInvalid", $"{expiration}: may not specify a duration less than 10 minutes"));
        }

        var audiences = (spec["audiences"] as JsonArray)?.Select(a => a?.GetValue<string>() ?? "").Where(a => a.Length > 0).ToList() ?? [];
        if (audiences.Count == 0)
        {
            audiences = ["https://kubernetes.default.svc.cluster.local"];
        }

        var uid = Json.GetString(account.ToNode(), "metadata", "uid") ?? "";
        if (RequestQuery.DryRun(context))
        {
            return Write(context, cluster, path, audiences, expiration, "", cluster.Time.GetUtcNow().AddSeconds(expiration));
        }

        var (token, expires) = cluster.Tokens.Issue(path.Namespace, path.Name, uid, audiences, expiration);
        return Write(context, cluster, path, audiences, expiration, token, expires);
    }

    private static Task Write(HttpContext context, ClusterContext cluster, ResourcePath path, List<string> audiences, long expiration, string token, DateTimeOffset expires)
    {
        var response = new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = path.Name,
                ["namespace"] = path.Namespace,
                ["creationTimestamp"] = Rfc3339(cluster.Time.GetUtcNow()),
            },
            ["spec"] = new JsonObject
            {
                ["audiences"] = new JsonArray([.. audiences.Select(a => JsonValue.Create(a))]),
                ["expirationSeconds"] = expiration,
                ["boundObjectRef"] = null,
            },
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Rfc3339(expires) },
        };
        return Responses.WriteJsonAsync(context, StatusCodes.Status201Created, Json.ToUtf8(response));
    }

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
