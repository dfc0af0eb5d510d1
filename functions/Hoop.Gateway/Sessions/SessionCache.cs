using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// Reads sessions from the store and keeps each answer (found, ended, or absent) for at most
/// <see cref="SessionOptions.ValidationCacheSeconds"/>: the revocation bound, and the most one instance asks the vault
/// about one session.
/// </summary>
internal sealed class SessionCache(ISessionStore store, IOptions<SessionOptions> options, TimeProvider time)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, (StoredSession? Session, DateTimeOffset FetchedAt)> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _bound = options.Value.ValidationCache;

    /// <summary>The session <paramref name="id"/> as the store saw it at most the bound ago; null when absent.</summary>
    public async ValueTask<StoredSession?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(id, out var entry) && now - entry.FetchedAt < _bound)
        {
            return entry.Session;
        }

        var session = await store.GetAsync(id, cancellationToken);
        if (_entries.Count >= MaxEntries)
        {
            Prune(now);
        }

        _entries[id] = (session, now);
        return session;
    }

    /// <summary>Forgets <paramref name="id"/>, so the next read asks the store (this instance ended the session).</summary>
    public void Forget(string id) => _entries.TryRemove(id, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, entry) in _entries)
        {
            if (now - entry.FetchedAt >= _bound)
            {
                _entries.TryRemove(id, out _);
            }
        }
    }
}
