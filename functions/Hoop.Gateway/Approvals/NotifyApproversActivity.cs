using Hoop.Gateway.Recording;
using Microsoft.DurableTask;

namespace Hoop.Gateway.Approvals;

/// <summary>Notifies approvers on every configured channel and journals each attempt; a failed channel never loses the approval.</summary>
public sealed class NotifyApproversActivity : TaskActivity<ApprovalRequest, bool>
{
    private readonly IEnumerable<IApprovalNotifier> _notifiers;
    private readonly IAuditJournal _journal;
    private readonly TimeProvider _time;

    /// <summary>Creates the activity (resolved by the worker from its services).</summary>
    public NotifyApproversActivity(IEnumerable<IApprovalNotifier> notifiers, IAuditJournal journal, TimeProvider time)
    {
        _notifiers = notifiers;
        _journal = journal;
        _time = time;
    }

    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, ApprovalRequest input) => RunCoreAsync(input);

    /// <summary>The activity's work, also called by the function app's activity trigger.</summary>
    public async Task<bool> RunCoreAsync(ApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var any = false;
        foreach (var notifier in _notifiers)
        {
            string outcome;
            try
            {
                await notifier.NotifyAsync(input);
                outcome = "sent";
                any = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The approval stays pending: approvers can still find it with `hoop approvals list`.
                outcome = "failed: " + ex.Message;
            }

            await _journal.RecordApprovalAsync(new ApprovalRecord
            {
                SessionId = input.SessionId,
                AuditId = input.AuditId,
                ApprovalId = input.ApprovalId,
                Step = ApprovalRecord.Steps.Notified,
                Actor = notifier.Channel,
                Outcome = outcome,
                At = _time.GetUtcNow(),
            });
        }

        return any;
    }
}
