using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hoop.TestCluster.Tokens;

/// <summary>
/// Who may call the cluster: the cluster's own bearer token, and service account tokens it issued through
/// <c>serviceaccounts/token</c> (until they expire), as a real apiserver accepts the tokens it signs.
/// </summary>
internal sealed class TokenAuthority(string clusterToken, TimeProvider time)
{
    public const string ClusterUser = "hoop-simulated-admin";

    private readonly ConcurrentDictionary<string, (string User, DateTimeOffset Expires)> _issued = new(StringComparer.Ordinal);

    public string ClusterToken { get; } = clusterToken;

    public static string NewClusterToken() => "sim-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The user a token authenticates, or null.</summary>
    public string? Authenticate(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Scheme.Length..].Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(ClusterToken)))
        {
            return ClusterUser;
        }

        return _issued.TryGetValue(token, out var issued) && issued.Expires > time.GetUtcNow() ? issued.User : null;
    }

    /// <summary>Issues a JWT-shaped token for a service account (signed with a throwaway key: only this cluster reads it).</summary>
    public (string Token, DateTimeOffset Expires) Issue(string ns, string serviceAccount, string serviceAccountUid, IReadOnlyList<string> audiences, long expirationSeconds)
    {
        var now = time.GetUtcNow();
        var expires = now.AddSeconds(expirationSeconds);
        var user = $"system:serviceaccount:{ns}:{serviceAccount}";
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = "hoop-simulated-cluster" };
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray([.. audiences.Select(a => JsonValue.Create(a))]),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = "https://kubernetes.default.svc.cluster.local",
            ["jti"] = Guid.NewGuid().ToString(),
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = ns,
                ["serviceaccount"] = new JsonObject { ["name"] = serviceAccount, ["uid"] = serviceAccountUid },
            },
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = user,
        };
        var token = $"{Base64Url(header.ToJsonString())}.{Base64Url(payload.ToJsonString())}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        _issued[token] = (user, expires);
        return (token, expires);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
