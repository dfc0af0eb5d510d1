using Hoop.Gateway.Approvals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Functions.Approvals;

/// <summary>
/// The approval orchestration and its activities under Durable Functions: thin triggers over the same classes the local
/// worker registers (<see cref="ApprovalTasks"/>), under the same names (checked against functions.metadata by a test).
/// </summary>
public sealed class ApprovalFunctions(IServiceProvider services)
{
    [Function(ApprovalTasks.Orchestration)]
    public Task<ApprovalOutcome> RunOrchestrationAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ApprovalOrchestration().RunAsync(context, context.GetInput<ApprovalRequest>()!);
    }

    [Function(nameof(NotifyApproversActivity))]
    public Task<bool> NotifyApproversAsync([ActivityTrigger] ApprovalRequest input)
        => ActivatorUtilities.CreateInstance<NotifyApproversActivity>(services).RunCoreAsync(input);

    [Function(nameof(RecordApprovalOutcomeActivity))]
    public Task<bool> RecordOutcomeAsync([ActivityTrigger] ApprovalOutcome input)
        => ActivatorUtilities.CreateInstance<RecordApprovalOutcomeActivity>(services).RunCoreAsync(input);
}
