using Hoop.Gateway.Recording;
using Microsoft.DurableTask;

namespace Hoop.Gateway.Approvals;

/// <summary>Journals the <c>decided</c> step of an approval (approved, denied or expired).</summary>
public sealed class RecordApprovalOutcomeActivity : TaskActivity<ApprovalOutcome, bool>
{
    private readonly IAuditJournal _journal;

    /// <summary>Creates the activity (resolved by the worker from its services).</summary>
    public RecordApprovalOutcomeActivity(IAuditJournal journal) => _journal = journal;

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
        return true;
    }
}
