namespace Hoop.Gateway.Upstream;

/// <summary>A fixed set of connections (local runs and tests).</summary>
public sealed class StaticUpstreamConnectionSource(IEnumerable<UpstreamConnectionSettings> connections) : IUpstreamConnectionSource
{
    private readonly Dictionary<string, UpstreamConnectionSettings> _connections = connections.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public ValueTask<UpstreamConnectionSettings?> FindAsync(string name, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_connections.GetValueOrDefault(name));
}
