using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Pipeline;

/// <summary>Builds the <c>hoop explain</c> object for one request, with the same code the pipeline runs.</summary>
internal sealed class RequestExplainer(PolicyEvaluator policy, string role)
{
    /// <summary>Output options: camelCase, and no HTML-style escaping of quotes (the output is for terminals and tools).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JsonObject Explain(string method, string url)
    {
        var upperMethod = method.ToUpperInvariant();
        JsonNode? request = null;
        if (RequestTargetNormalizer.TryReadLikeApiServer(url, out var apiPath, out var apiQuery))
        {
            request = JsonSerializer.SerializeToNode(RequestInfoResolver.Resolve(upperMethod, apiPath, apiQuery), Json);
        }

        GatewayRefusal? refusal = null;
        if (!RequestTargetNormalizer.TryNormalize(url, out var normalized, out var error))
        {
            refusal = GatewayRefusal.BadRequest($"the request target is ambiguous and was refused: {error}");
        }
        else if (GatewayPipeline.IsInteractive(RequestInfoResolver.Resolve(upperMethod, normalized.Path, normalized.Query)))
        {
            refusal = GatewayPipeline.InteractiveRefusal;
        }

        var result = new JsonObject { ["request"] = request };
        if (refusal is not null)
        {
            result["error"] = JsonNode.Parse(KubernetesStatus.Serialize(refusal.Code, refusal.Reason, refusal.Message));
        }

        result["decision"] = refusal is null
            ? JsonSerializer.SerializeToNode(policy.Decide(role, RequestInfoResolver.Resolve(upperMethod, normalized!.Path, normalized.Query), normalized.Query.Pairs), Json)
            : null;
        return result;
    }
}
