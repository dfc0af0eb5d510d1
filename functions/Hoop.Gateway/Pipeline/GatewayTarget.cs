using System.Diagnostics.CodeAnalysis;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Pipeline;

/// <summary>
/// An agent request target split into the gateway part (<c>/k8s/{connection}</c>) and the part the API server sees.
/// </summary>
/// <param name="Connection">The connection name.</param>
/// <param name="UpstreamRawPath">The raw (still percent-encoded) path after the prefix, as forwarded.</param>
/// <param name="UpstreamPath">The decoded path after the prefix, as the API server reads it.</param>
/// <param name="RawQuery">The raw query without <c>?</c>.</param>
/// <param name="Query">The query parsed by Go's rules.</param>
internal sealed record GatewayTarget(string Connection, string UpstreamRawPath, string UpstreamPath, string RawQuery, QueryParameters Query)
{
    /// <summary>The raw target forwarded upstream.</summary>
    public string UpstreamTarget => RawQuery.Length == 0 ? UpstreamRawPath : UpstreamRawPath + "?" + RawQuery;

    /// <summary>Splits a normalised target; false when it is not under <c>/k8s/{connection}</c>.</summary>
    public static bool TryParse(string rawTarget, NormalizedTarget normalized, [NotNullWhen(true)] out GatewayTarget? target)
    {
        target = null;
        var path = normalized.Path;
        if (!path.StartsWith(GatewayPipeline.RoutePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = path.IndexOf('/', GatewayPipeline.RoutePrefix.Length);
        var connection = slash < 0 ? path[GatewayPipeline.RoutePrefix.Length..] : path[GatewayPipeline.RoutePrefix.Length..slash];
        if (!IsConnectionName(connection))
        {
            return false;
        }

        // Connection names are plain ASCII with no escapes, so the prefix has the same length raw and decoded.
        var prefixLength = GatewayPipeline.RoutePrefix.Length + connection.Length;
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var upstreamRawPath = rawPath.Length > prefixLength ? rawPath[prefixLength..] : "/";
        var upstreamPath = path.Length > prefixLength ? path[prefixLength..] : "/";
        target = new GatewayTarget(connection, upstreamRawPath, upstreamPath, normalized.RawQuery, normalized.Query);
        return true;
    }

    /// <summary>The connection segment of a raw target (<c>/k8s/{connection}/...</c>), or null when there is no valid one.</summary>
    public static string? ConnectionOf(string rawTarget)
    {
        if (!rawTarget.StartsWith(GatewayPipeline.RoutePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = rawTarget.AsSpan(GatewayPipeline.RoutePrefix.Length);
        var end = rest.IndexOfAny('/', '?');
        var name = (end < 0 ? rest : rest[..end]).ToString();
        return IsConnectionName(name) ? name : null;
    }

    /// <summary>Connection names: 1-63 lower-case letters, digits and '-' (a DNS label).</summary>
    public static bool IsConnectionName(string name)
        => name.Length is > 0 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
