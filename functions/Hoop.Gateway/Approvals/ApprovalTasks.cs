using Microsoft.DurableTask;

namespace Hoop.Gateway.Approvals;

/// <summary>The approval orchestration and its activities, registered under their type names (the function app uses the same names).</summary>
public static class ApprovalTasks
{
    /// <summary>The orchestration's name.</summary>
    public const string Orchestration = nameof(ApprovalOrchestration);

    /// <summary>The activities' names.</summary>
    public static IReadOnlyList<string> Activities { get; } = [nameof(NotifyApproversActivity), nameof(RecordApprovalOutcomeActivity)];

    /// <summary>Registers the orchestration and activities with a local worker.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ApprovalOrchestration>();
        registry.AddActivity<NotifyApproversActivity>();
        registry.AddActivity<RecordApprovalOutcomeActivity>();
    }
}
