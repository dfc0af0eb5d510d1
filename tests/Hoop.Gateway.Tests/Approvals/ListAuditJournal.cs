using System.Collections.Concurrent;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>A journal that keeps approval records in memory (the approval tests read them back).</summary>
internal sealed class ListAuditJournal : IAuditJournal
{
    public ConcurrentQueue<ApprovalRecord> Approvals { get; } = new();

    public ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<IResponseBodyRecorder?> OpenResponseBodyAsync(string sessionId, string auditId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<IResponseBodyRecorder?>(null);

    public ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordSessionStartedAsync(Session session, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordSessionEndedAsync(string sessionId, string reason, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordApprovalAsync(ApprovalRecord record, CancellationToken cancellationToken = default)
    {
        Approvals.Enqueue(record);
        return ValueTask.CompletedTask;
    }

    public ValueTask RecordErrorAsync(ErrorRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
