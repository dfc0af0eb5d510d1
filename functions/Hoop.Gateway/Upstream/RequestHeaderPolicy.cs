using System.Collections.Frozen;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Which agent request headers reach the API server. Allow-list only: everything else — <c>Authorization</c>,
/// <c>Impersonate-*</c>, hop-by-hop headers, headers named by <c>Connection:</c>, <c>Accept-Encoding</c>, cookies,
/// <c>X-Remote-*</c> front-proxy headers, the agent's own <c>Audit-ID</c> — is dropped.
/// </summary>
/// <remarks>Guarded by <c>UpstreamTransformerTests</c> and the end-to-end header tests (docs/security/invariants.md).</remarks>
internal static class RequestHeaderPolicy
{
    /// <summary>Headers copied as sent. <c>Accept</c> is rewritten separately; <c>Content-Type</c> travels with the body.</summary>
    public static readonly FrozenSet<string> Forwarded = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "User-Agent",
        "Kubectl-Command",
        "Kubectl-Session");

    /// <summary>Request body media types the gateway carries (JSON and the API server's patch types, YAML for apply).</summary>
    public static readonly FrozenSet<string> BodyMediaTypes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "application/json",
        "application/merge-patch+json",
        "application/strategic-merge-patch+json",
        "application/json-patch+json",
        "application/apply-patch+yaml",
        "application/yaml");

    /// <summary>Whether <paramref name="contentType"/> names a body the gateway can read (parameters such as charset ignored).</summary>
    public static bool IsReadableBody(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return BodyMediaTypes.Contains(mediaType);
    }
}
