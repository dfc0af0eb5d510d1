namespace Hoop.TestCluster;

/// <summary>One request as the simulated cluster received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as on the wire (path and query, not decoded).</param>
/// <param name="Headers">The request headers (case-insensitive names).</param>
/// <param name="Body">The request body bytes (empty when there was none).</param>
/// <param name="Time">When it arrived, by the cluster's clock.</param>
public sealed record ReceivedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset Time)
{
    /// <summary>A header's value (several values joined by <c>", "</c>), or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
