namespace Hoop.Gateway.Requests;

/// <summary>A request target that only one reading exists for, as the gateway and the API server both read it.</summary>
/// <param name="Path">The decoded path (Go's <c>URL.Path</c>), including any gateway prefix such as <c>/k8s/{connection}</c>.</param>
/// <param name="RawQuery">The query exactly as received, without the leading <c>?</c> (Go's <c>URL.RawQuery</c>).</param>
/// <param name="Query">The query parsed by Go's rules.</param>
internal sealed record NormalizedTarget(string Path, string RawQuery, QueryParameters Query);
