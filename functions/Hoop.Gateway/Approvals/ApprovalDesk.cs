using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Where people see and decide approvals (JSON API, CLI, approval page). Checks the approver before the decision
/// reaches the orchestration: in one of the rule's approver groups, and not the requester.
/// </summary>
public sealed class ApprovalDesk
{
    private readonly DurableTaskClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates the desk over the Durable Task client that runs the approvals.</summary>
    public ApprovalDesk(DurableTaskClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    /// <summary>The approvals waiting for a decision.</summary>
    public async Task<IReadOnlyList<ApprovalRequest>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        var query = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
            FetchInputsAndOutputs = true,
        };
        var pending = new List<ApprovalRequest>();
        await foreach (var instance in _client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.Name == ApprovalTasks.Orchestration && instance.ReadInputAs<ApprovalRequest>() is { } request)
            {
                pending.Add(request);
            }
        }

        return pending;
    }

    /// <summary>One approval waiting for a decision, or null (unknown or already decided).</summary>
    public async Task<ApprovalRequest?> GetPendingAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        var state = await _client.GetInstanceAsync(approvalId, getInputsAndOutputs: true, cancellationToken);
        // Pending (scheduled, first episode not yet committed) is as decidable as Running, as ListPendingAsync lists both;
        // the decision event waits in the instance's inbox.
        return state is { Name: ApprovalTasks.Orchestration, RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending }
            ? state.ReadInputAs<ApprovalRequest>()
            : null;
    }

    /// <summary>Delivers a person's decision to a pending approval, after checking they may make it.</summary>
    public async Task<ApprovalDecisionResult> DecideAsync(string approvalId, Approver approver, bool approve, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var request = await GetPendingAsync(approvalId, cancellationToken);
        if (request is null)
        {
            return new(404, $"approval {approvalId} is not pending (unknown, decided or expired)");
        }

        if (string.Equals(approver.User, request.Requester, StringComparison.Ordinal))
        {
            return new(403, $"{approver.User} asked for approval {approvalId} and cannot approve or deny it");
        }

        if (!approver.Groups.Any(g => request.ApproverGroups.Contains(g, StringComparer.Ordinal)))
        {
            return new(403, $"{approver.User} is not an approver of rule \"{request.Rule}\" (groups: {string.Join(", ", request.ApproverGroups)})");
        }

        await _client.RaiseEventAsync(
            approvalId,
            ApprovalOrchestration.DecisionEvent,
            new ApprovalDecision { Approve = approve, Approver = approver.User, Comment = comment, At = _time.GetUtcNow() },
            cancellationToken);
        return new(200, $"approval {approvalId} {(approve ? "approved" : "denied")} by {approver.User}");
    }
}
