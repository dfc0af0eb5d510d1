using System.Collections.Concurrent;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Builds each connection once (handlers are expensive and pool connections) and caches it while its settings stay the same.
/// </summary>
internal sealed class UpstreamRegistry(IUpstreamConnectionSource source) : IUpstreamRegistry, IDisposable
{
    private readonly ConcurrentDictionary<string, (UpstreamConnectionSettings Settings, Task<UpstreamConnection> Connection)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<UpstreamConnection?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var settings = await source.FindAsync(name, cancellationToken);
        if (settings is null)
        {
            return null;
        }

        if (_cache.TryGetValue(name, out var cached) && cached.Settings == settings && !cached.Connection.IsFaulted)
        {
            return await cached.Connection;
        }

        var entry = _cache.AddOrUpdate(
            name,
            _ => (settings, UpstreamConnection.CreateAsync(settings, CancellationToken.None)),
            (_, existing) => existing.Settings == settings && !existing.Connection.IsFaulted
                ? existing
                : (settings, UpstreamConnection.CreateAsync(settings, CancellationToken.None)));
        return await entry.Connection;
    }

    public void Dispose()
    {
        foreach (var entry in _cache.Values)
        {
            if (entry.Connection.IsCompletedSuccessfully)
            {
                entry.Connection.Result.Dispose();
            }
        }
    }
}
