using System.Text;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>
/// The gateway's stages before forwarding, as the pipeline runs them: refuse method-override headers, normalise the raw
/// target (refusing what could be read two ways), classify as the API server does, then decide.
/// </summary>
internal static class GatewayReading
{
    /// <summary>Returns the decision, or <see langword="null"/> with <paramref name="refusal"/> set when the request is refused before policy.</summary>
    public static Decision? Decide(
        PolicyEvaluator evaluator,
        string role,
        string method,
        string target,
        string contentType,
        string body,
        IEnumerable<string> headerNames,
        out RequestInfo? info,
        out string? refusal)
    {
        info = null;
        if (MethodOverrideHeaders.AnyIn(headerNames))
        {
            refusal = "method override header";
            return null;
        }

        if (!RequestTargetNormalizer.TryNormalize(target, out var normalized, out refusal))
        {
            return null;
        }

        info = RequestInfoResolver.Resolve(method, normalized.Path, normalized.Query);
        return evaluator.Decide(role, info, normalized.Query.Pairs, contentType, Encoding.UTF8.GetBytes(body));
    }
}
