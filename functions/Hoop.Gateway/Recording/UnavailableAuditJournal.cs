using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The journal when none is configured: every write fails, so the pipeline refuses every agent request with 503 and
/// forwards nothing (fail closed). A gateway that cannot record does not act.
/// </summary>
internal sealed class UnavailableAuditJournal : IAuditJournal
{
    public ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default) => throw NotConfigured();

    public ValueTask<IResponseBodyRecorder?> OpenResponseBodyAsync(string sessionId, string auditId, CancellationToken cancellationToken = default)
        => throw NotConfigured();

    public ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default) => throw NotConfigured();

    public ValueTask RecordSessionStartedAsync(Session session, CancellationToken cancellationToken = default) => throw NotConfigured();

    public ValueTask RecordSessionEndedAsync(string sessionId, string reason, CancellationToken cancellationToken = default) => throw NotConfigured();

    public ValueTask RecordApprovalAsync(ApprovalRecord record, CancellationToken cancellationToken = default) => throw NotConfigured();

    public ValueTask RecordErrorAsync(ErrorRecord record, CancellationToken cancellationToken = default) => throw NotConfigured();

    private static InvalidOperationException NotConfigured()
        => new("No audit journal is configured (Hoop:Journal:TableServiceUri or Hoop:Journal:ConnectionString).");
}
