namespace Hoop.Gateway.Upstream;

/// <summary>
/// Builds each connection once (handlers are expensive and pool connections) and caches it while its settings stay the
/// same. A connection replaced after a settings change (a policy reload, a rotated credential) is disposed once the
/// requests that may still use it are over: after <see cref="RetireAfter"/>, longer than any response the gateway carries.
/// </summary>
internal sealed class UpstreamRegistry(IUpstreamConnectionSource source, TimeProvider time) : IUpstreamRegistry, IDisposable
{
    /// <summary>
    /// How long a replaced connection stays usable: a request that got it before the change may still stream through it
    /// (watches and followed logs end within <see cref="Pipeline.GatewayOptions.WatchMaxSeconds"/> and
    /// <see cref="Pipeline.GatewayOptions.LogFollowMaxSeconds"/>, 210 s by default; other requests end sooner).
    /// </summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly List<Retired> _retired = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Replaced connections not yet disposed (for tests and diagnostics).</summary>
    public int RetiredCount
    {
        get
        {
            lock (_gate)
            {
                return _retired.Count;
            }
        }
    }

    public async ValueTask<UpstreamConnection?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var settings = await source.FindAsync(name, cancellationToken);
        if (settings is null)
        {
            return null;
        }

        Entry entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_cache.TryGetValue(name, out var cached) || cached.Settings != settings || cached.Connection.IsFaulted)
            {
                entry = new Entry(settings, UpstreamConnection.CreateAsync(settings, CancellationToken.None));
                _cache[name] = entry;
                if (cached is not null)
                {
                    Retire(cached.Connection);
                }
            }
            else
            {
                entry = cached;
            }
        }

        return await entry.Connection.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var entry in _cache.Values)
            {
                DisposeWhenCreated(entry.Connection);
            }

            foreach (var retired in _retired)
            {
                retired.Timer?.Dispose();
                DisposeWhenCreated(retired.Connection);
            }

            _cache.Clear();
            _retired.Clear();
        }
    }

    /// <summary>Schedules the disposal of a replaced connection (called under the lock).</summary>
    private void Retire(Task<UpstreamConnection> connection)
    {
        var retired = new Retired(connection);
        _retired.Add(retired);
        retired.Timer = time.CreateTimer(_ => DisposeRetired(retired), null, RetireAfter, Timeout.InfiniteTimeSpan);
    }

    private void DisposeRetired(Retired retired)
    {
        lock (_gate)
        {
            if (!_retired.Remove(retired))
            {
                return;
            }
        }

        retired.Timer?.Dispose();
        DisposeWhenCreated(retired.Connection);
    }

    private static void DisposeWhenCreated(Task<UpstreamConnection> connection)
        => _ = connection.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private sealed record Entry(UpstreamConnectionSettings Settings, Task<UpstreamConnection> Connection);

    private sealed class Retired(Task<UpstreamConnection> connection)
    {
        public Task<UpstreamConnection> Connection { get; } = connection;

        public ITimer? Timer { get; set; }
    }
}
