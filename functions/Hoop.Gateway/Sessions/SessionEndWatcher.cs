using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// Gives each active session a <see cref="CancellationToken"/> that is cancelled when the session ends — ended early,
/// expired, or its record gone — checked every <see cref="SessionOptions.ValidationCacheSeconds"/>. Open watches and
/// followed logs of the session end cleanly when it fires, so revocation reaches live streams within the same bound.
/// </summary>
internal sealed partial class SessionEndWatcher : IDisposable
{
    /// <summary>How long a session stays watched after its last request (longer than any stream the gateway carries).</summary>
    private static readonly TimeSpan IdleAfter = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, Watched> _sessions = new(StringComparer.Ordinal);
    private readonly SessionCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionEndWatcher> _logger;
    private readonly ITimer _timer;
    private readonly SemaphoreSlim _checking = new(1, 1);

    public SessionEndWatcher(SessionCache cache, IOptions<SessionOptions> options, TimeProvider time, ILogger<SessionEndWatcher> logger)
    {
        _cache = cache;
        _time = time;
        _logger = logger;
        var period = options.Value.ValidationCache;
        _timer = time.CreateTimer(_ => _ = TickAsync(), null, period, period);
    }

    /// <summary>The number of sessions being watched.</summary>
    public int Count => _sessions.Count;

    /// <summary>The token cancelled when <paramref name="session"/> ends.</summary>
    public CancellationToken TokenFor(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var watched = _sessions.GetOrAdd(session.Id, _ => new Watched(session.ExpiresAt));
        watched.LastUsed = _time.GetUtcNow();
        return watched.Source.Token;
    }

    /// <summary>Checks every watched session now, after any check already running (tests call this; the timer ticks).</summary>
    public async Task CheckAsync()
    {
        await _checking.WaitAsync();
        try
        {
            await CheckCoreAsync();
        }
        finally
        {
            _checking.Release();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        foreach (var watched in _sessions.Values)
        {
            watched.Source.Dispose();
        }
    }

    private async Task TickAsync()
    {
        // A tick that finds a check still running skips: the running one covers it.
        if (!await _checking.WaitAsync(0))
        {
            return;
        }

        try
        {
            await CheckCoreAsync();
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task CheckCoreAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, watched) in _sessions)
        {
            var ended = watched.ExpiresAt <= now;
            if (!ended)
            {
                try
                {
                    var stored = await _cache.GetAsync(id);
                    ended = stored is null || !stored.Enabled || stored.Session.ExpiresAt <= now;
                }
                catch (Exception ex)
                {
                    // The store cannot be read: keep streams open (a new request would fail closed on its own) and retry.
                    Log.CheckFailed(_logger, id, ex);
                    continue;
                }
            }

            if (ended || now - watched.LastUsed > IdleAfter)
            {
                _sessions.TryRemove(id, out _);
                if (ended)
                {
                    Log.SessionEnded(_logger, id);
                    await watched.Source.CancelAsync();
                }

                watched.Source.Dispose();
            }
        }
    }

    private sealed class Watched(DateTimeOffset expiresAt)
    {
        public CancellationTokenSource Source { get; } = new();

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public DateTimeOffset LastUsed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Session {SessionId} ended: closing its open streams")]
        public static partial void SessionEnded(ILogger logger, string sessionId);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not check whether session {SessionId} is still valid")]
        public static partial void CheckFailed(ILogger logger, string sessionId, Exception exception);
    }
}
