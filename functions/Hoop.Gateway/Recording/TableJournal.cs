using System.Collections.Concurrent;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The audit journal in Azure Table Storage (Azurite locally): insert-only, one hash chain per session.
/// </summary>
/// <remarks>
/// Hot path: the request record (with its masked body segments) is one transaction, awaited before the request is
/// forwarded. Response segments and the response record are queued on the session's chain and written by its loop,
/// off the hot path but in order, so a response record always follows its segments. docs/recording.md has the shapes.
/// </remarks>
internal sealed partial class TableJournal : IAuditJournal, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SessionAppender>> _sessions = new(StringComparer.Ordinal);
    private readonly JournalStore _store;
    private readonly IJournalKeySource _keySource;
    private readonly IResponseMasker _masker;
    private readonly JournalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TableJournal> _logger;

    public TableJournal(JournalStore store, IJournalKeySource keySource, IResponseMasker masker, IOptions<JournalOptions> options, TimeProvider time, ILogger<TableJournal> logger)
    {
        _store = store;
        _keySource = keySource;
        _masker = masker;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public JournalStore Store => _store;

    public async ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var appender = await AppenderAsync(record.SessionId, cancellationToken);
        var body = await MaskRequestBodyAsync(record, appender.Keys, cancellationToken);
        await appender.AppendAsync(JournalDrafts.Request(record, body, _time.GetUtcNow()), record.Session).WaitAsync(cancellationToken);
    }

    public async ValueTask<IResponseBodyRecorder?> OpenResponseBodyAsync(string sessionId, string auditId, CancellationToken cancellationToken = default)
        => new ResponseBodyRecorder(await AppenderAsync(sessionId, cancellationToken), auditId, _options, _time);

    public async ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var appender = await AppenderAsync(record.SessionId, cancellationToken);
        ResponseBodySummary? body = null;
        if (record.Body is ResponseBodyRecorder recorder)
        {
            body = recorder.Complete();
            recorder.Dispose();
        }

        // Queued behind the body's segments; not awaited: the agent has its response, and a failed write is logged
        // (and shows in verify as a request without a response).
        var write = appender.AppendAsync([JournalDrafts.Response(record, body, _time.GetUtcNow())]);
        _ = write.ContinueWith(
            static (t, state) => Log.ResponseNotRecorded(((TableJournal)state!)._logger, t.Exception!.InnerException!),
            this,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public ValueTask RecordSessionStartedAsync(Session session, CancellationToken cancellationToken = default)
        => RecordSessionStartedAsync(session, "", cancellationToken);

    public async ValueTask RecordSessionStartedAsync(Session session, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var appender = await AppenderAsync(session.Id, cancellationToken);
        await appender.AppendAsync([JournalDrafts.SessionStarted(session, appender.Keys.KeyId, _time.GetUtcNow(), reason)]).WaitAsync(cancellationToken);
    }

    public async ValueTask RecordSessionEndedAsync(string sessionId, string reason, CancellationToken cancellationToken = default)
    {
        var appender = await AppenderAsync(sessionId, cancellationToken);
        await appender.AppendAsync([JournalDrafts.SessionEnded(reason, _time.GetUtcNow())]).WaitAsync(cancellationToken);
        if (_sessions.TryRemove(sessionId, out var ended))
        {
            await ended.Value.DisposeAsync();
        }
    }

    public async ValueTask RecordApprovalAsync(ApprovalRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var appender = await AppenderAsync(record.SessionId, cancellationToken);
        await appender.AppendAsync([JournalDrafts.Approval(record, _time.GetUtcNow())], record.Session).WaitAsync(cancellationToken);
    }

    public async ValueTask RecordErrorAsync(ErrorRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var appender = await AppenderAsync(record.SessionId, cancellationToken);
        await appender.AppendAsync([JournalDrafts.Error(record, _time.GetUtcNow())], record.Session).WaitAsync(cancellationToken);
    }

    /// <summary>Waits until everything queued so far is written (tests, shutdown).</summary>
    public async Task FlushAsync()
    {
        foreach (var appender in _sessions.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
        {
            try
            {
                await appender.AppendAsync([]);
            }
            catch (InvalidOperationException)
            {
                // Closed meanwhile: its loop has drained.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var appender in _sessions.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
        {
            await appender.DisposeAsync();
        }

        _sessions.Clear();
    }

    private async ValueTask<SessionAppender> AppenderAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!IsValidPartitionKey(sessionId))
        {
            throw new ArgumentException($"'{sessionId}' cannot be a journal partition (session ids are 1-128 letters, digits, '-', '_', '.', ':').", nameof(sessionId));
        }

        var keys = await _keySource.GetKeysAsync(cancellationToken);
        return _sessions.GetOrAdd(sessionId, id => new Lazy<SessionAppender>(() => new SessionAppender(id, _store, keys, _time, _logger))).Value;
    }

    private async ValueTask<MaskedBody> MaskRequestBodyAsync(RequestRecord record, JournalKeys keys, CancellationToken cancellationToken)
    {
        if (record.Body.IsEmpty)
        {
            return new MaskedBody(ReadOnlyMemory<byte>.Empty, "", null);
        }

        var hash = keys.HashBody(record.Body.Span);
        if (record.Session is null)
        {
            return new MaskedBody(ReadOnlyMemory<byte>.Empty, hash, "body not stored: no session to mask it for");
        }

        try
        {
            // Request bodies go through the same masker as responses (a Secret created is masked like a Secret read).
            await using var masked = _masker.Wrap(new MemoryStream(record.Body.ToArray(), writable: false), new MaskingContext(record.Session, record.Info, record.ContentType));
            using var copy = new MemoryStream();
            await masked.CopyToAsync(copy, cancellationToken);
            return new MaskedBody(copy.ToArray(), hash, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never store what could not be masked; the keyed hash still proves what was sent.
            return new MaskedBody(ReadOnlyMemory<byte>.Empty, hash, "body not stored: it could not be masked (" + ex.GetType().Name + ")");
        }
    }

    private static bool IsValidPartitionKey(string value)
        => value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
