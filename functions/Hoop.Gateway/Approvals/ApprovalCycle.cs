using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The ledger side both gates share (a request held at the approve stage, a session start that needs approval): which
/// approval an ask is at now (its generation), using an approved one exactly once, and why a finished one refuses.
/// </summary>
internal static class ApprovalCycle
{
    /// <summary>The approval <paramref name="key"/> + <paramref name="fingerprint"/> is at now: its generation, id and orchestration (null when not started).</summary>
    public static async Task<(int Generation, string Id, OrchestrationMetadata? State)> CurrentAsync(
        IApprovalLedger ledger, DurableTaskClient client, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var generation = await ledger.GenerationAsync(key, fingerprint, cancellationToken);
        var id = ApprovalIds.For(key, fingerprint, generation);
        return (generation, id, await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken));
    }

    /// <summary>How a completed approval ended; null when its orchestration ended without an outcome (failed, terminated).</summary>
    public static ApprovalOutcome? Outcome(OrchestrationMetadata state)
        => state.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? state.ReadOutputAs<ApprovalOutcome>() : null;

    /// <summary>
    /// Uses approved approval <paramref name="id"/> and moves the generation on, so the next identical ask needs a new
    /// approval; true for the one caller that used it, false when an earlier one did.
    /// </summary>
    public static async Task<bool> UseOnceAsync(IApprovalLedger ledger, string key, string fingerprint, int generation, string id, CancellationToken cancellationToken)
    {
        var consumed = await ledger.TryConsumeAsync(id, cancellationToken);
        await ledger.TryAdvanceAsync(key, fingerprint, generation, cancellationToken);
        return consumed;
    }

    /// <summary>Why approval <paramref name="state"/> (not approved) refuses, naming the approver or the timeout; <paramref name="label"/> names what was asked.</summary>
    public static string Refusal(string label, OrchestrationMetadata state, ApprovalOutcome? outcome) => outcome switch
    {
        { Outcome: ApprovalOutcome.Denied } => $"{label} {state.InstanceId} was denied by {outcome.Approver}"
            + (string.IsNullOrEmpty(outcome.Comment) ? "" : $": {outcome.Comment}"),
        { Outcome: ApprovalOutcome.Expired } => $"{label} {state.InstanceId} expired without a decision (timeout {state.ReadInputAs<ApprovalRequest>()?.Timeout})",
        _ => $"{label} {state.InstanceId} ended without a decision ({state.RuntimeStatus}); run the command again to ask again",
    };
}
