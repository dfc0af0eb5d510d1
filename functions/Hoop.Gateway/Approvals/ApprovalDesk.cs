using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Where people see and decide approvals (JSON API, CLI, approval page). Checks the approver before the decision
/// reaches the orchestration: in one of the rule's approver groups, and not the requester. With a ledger, only the
/// first decision of an approval is delivered; a later one is told who decided.
/// </summary>
public sealed class ApprovalDesk
{
    private static readonly TimeSpan LoserWait = TimeSpan.FromSeconds(5);
    private readonly DurableTaskClient _client;
    private readonly TimeProvider _time;
    private readonly IApprovalLedger? _ledger;

    /// <summary>Creates the desk over the Durable Task client that runs the approvals (and the ledger that keeps decisions single).</summary>
    public ApprovalDesk(DurableTaskClient client, TimeProvider time, IApprovalLedger? ledger = null)
    {
        _client = client;
        _time = time;
        _ledger = ledger;
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
        // Pending too: a just-scheduled orchestration is waiting for its worker, and its approval is already open.
        return state is { Name: ApprovalTasks.Orchestration, RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending }
            ? state.ReadInputAs<ApprovalRequest>()
            : null;
    }

    /// <summary>How approval <paramref name="approvalId"/> ended, or null while it is pending (or unknown).</summary>
    public async Task<ApprovalOutcome?> GetOutcomeAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        var state = await _client.GetInstanceAsync(approvalId, getInputsAndOutputs: true, cancellationToken);
        return state is { Name: ApprovalTasks.Orchestration, RuntimeStatus: OrchestrationRuntimeStatus.Completed } ? state.ReadOutputAs<ApprovalOutcome>() : null;
    }

    /// <summary>Waits up to <paramref name="wait"/> for approval <paramref name="approvalId"/> to end; its outcome, or null.</summary>
    public async Task<ApprovalOutcome?> WaitForOutcomeAsync(string approvalId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(wait);
        try
        {
            await _client.WaitForInstanceCompletionAsync(approvalId, getInputsAndOutputs: false, bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return await GetOutcomeAsync(approvalId, cancellationToken);
    }

    /// <summary>Why <paramref name="approver"/> may not decide <paramref name="request"/> (403), or null when they may.</summary>
    public static ApprovalDecisionResult? Check(ApprovalRequest request, Approver approver)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(approver);
        if (string.Equals(approver.User, request.Requester, StringComparison.Ordinal))
        {
            return new(403, $"{approver.User} asked for approval {request.ApprovalId} and cannot approve or deny it");
        }

        if (!approver.Groups.Any(g => request.ApproverGroups.Contains(g, StringComparer.Ordinal)))
        {
            return new(403, $"{approver.User} is not an approver of rule \"{request.Rule}\" (groups: {string.Join(", ", request.ApproverGroups)})");
        }

        return null;
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

        if (Check(request, approver) is { } refused)
        {
            return refused;
        }

        // The orchestration takes the first decision event and ignores later ones; the claim tells the later approver so.
        if (_ledger is not null && !await _ledger.TryClaimDecisionAsync(approvalId, cancellationToken))
        {
            var outcome = await WaitForOutcomeAsync(approvalId, LoserWait, cancellationToken);
            return new(409, outcome is { Approver: { } by }
                ? $"approval {approvalId} was already {outcome.Outcome} by {by}; your decision was not recorded"
                : $"approval {approvalId} is already being decided by another approver; your decision was not recorded");
        }

        await _client.RaiseEventAsync(
            approvalId,
            ApprovalOrchestration.DecisionEvent,
            new ApprovalDecision { Approve = approve, Approver = approver.User, Comment = comment, At = _time.GetUtcNow() },
            cancellationToken);
        return new(200, $"approval {approvalId} {(approve ? "approved" : "denied")} by {approver.User}");
    }
}
