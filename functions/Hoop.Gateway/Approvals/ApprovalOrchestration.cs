using Microsoft.DurableTask;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// One approval: notify the approvers, wait for a <see cref="DecisionEvent"/> or the rule's timeout, record the outcome.
/// </summary>
/// <remarks>
/// Written once against <see cref="TaskOrchestrationContext"/>; it runs under the local worker (in-process sidecar) and under
/// Durable Functions. Replay-deterministic: only context APIs here (no clock, GUID or I/O); every I/O is an activity.
/// </remarks>
public sealed class ApprovalOrchestration : TaskOrchestrator<ApprovalRequest, ApprovalOutcome>
{
    /// <summary>The external event a decision is raised as.</summary>
    public const string DecisionEvent = "decision";

    /// <inheritdoc />
    public override async Task<ApprovalOutcome> RunAsync(TaskOrchestrationContext context, ApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.CallActivityAsync(nameof(NotifyApproversActivity), input);

        // WhenAny(decision, timer) and cancel the loser, so a finished approval leaves no timer behind.
        using var cancel = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<ApprovalDecision>(DecisionEvent, cancel.Token);
        var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(input.Timeout), cancel.Token);
        var winner = await Task.WhenAny(decision, timer);
#pragma warning disable CA1849 // CancelAsync would continue off the orchestration's thread, which replay forbids.
        cancel.Cancel();
#pragma warning restore CA1849

        var outcome = winner == decision
            ? new ApprovalOutcome
            {
                ApprovalId = input.ApprovalId,
                SessionId = input.SessionId,
                AuditId = input.AuditId,
                Outcome = decision.Result.Approve ? ApprovalOutcome.Approved : ApprovalOutcome.Denied,
                Approver = decision.Result.Approver,
                Comment = decision.Result.Comment,
                At = decision.Result.At,
            }
            : new ApprovalOutcome
            {
                ApprovalId = input.ApprovalId,
                SessionId = input.SessionId,
                AuditId = input.AuditId,
                Outcome = ApprovalOutcome.Expired,
                At = context.CurrentUtcDateTime,
            };
        await context.CallActivityAsync(nameof(RecordApprovalOutcomeActivity), outcome);
        return outcome;
    }
}
