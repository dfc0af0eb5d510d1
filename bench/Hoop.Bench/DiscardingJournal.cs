using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;

namespace Hoop.Bench;

/// <summary>
/// Bench only: a journal that accepts and drops every record, to measure the forwarding path without the journal's cost.
/// The gateway itself never runs without a journal (it answers 503 instead).
/// </summary>
internal sealed class DiscardingJournal : IAuditJournal
{
    public ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<IResponseBodyRecorder?> OpenResponseBodyAsync(string sessionId, string auditId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<IResponseBodyRecorder?>(null);

    public ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordSessionStartedAsync(Session session, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordSessionEndedAsync(string sessionId, string reason, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordApprovalAsync(ApprovalRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordErrorAsync(ErrorRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
