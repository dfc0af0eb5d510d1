using Hoop.Gateway.Recording;
using Microsoft.DurableTask;

namespace Hoop.Gateway.Approvals;

/// <summary>Journals the <c>decided</c> step of an approval (approved, denied or expired).</summary>
public sealed class RecordApprovalOutcomeActivity : TaskActivity<ApprovalOutcome, bool>
{
    private readonly IAuditJournal _journal;
    private readonly IApprovalLedger? _ledger;

    /// <summary>Creates the activity (resolved by the worker from its services); with a <paramref name="ledger"/>, the approval stops counting against its session's pending cap once decided or expired.</summary>
    public RecordApprovalOutcomeActivity(IAuditJournal journal, IApprovalLedger? ledger = null)
    {
        _journal = journal;
        _ledger = ledger;
    }

    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, ApprovalOutcome input) => RunCoreAsync(input);

    /// <summary>The activity's work, also called by the function app's activity trigger.</summary>
    public async Task<bool> RunCoreAsync(ApprovalOutcome input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _journal.RecordApprovalAsync(new ApprovalRecord
        {
            SessionId = input.SessionId,
            AuditId = input.AuditId,
            ApprovalId = input.ApprovalId,
            Step = ApprovalRecord.Steps.Decided,
            Actor = input.Approver,
            Outcome = input.Outcome,
            Comment = input.Comment,
            At = input.At,
        });

        // Without this, an approval that expires and is never asked for again would hold a pending slot until the
        // session ends (the gate also finishes it when it sees the outcome; finishing is idempotent).
        if (_ledger is not null)
        {
            await _ledger.FinishAsync(input.SessionId, input.ApprovalId);
        }

        return true;
    }
}
