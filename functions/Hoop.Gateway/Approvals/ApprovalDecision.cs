namespace Hoop.Gateway.Approvals;

/// <summary>The <see cref="ApprovalOrchestration.DecisionEvent"/> external event: a person's decision, already checked.</summary>
public sealed record ApprovalDecision
{
    public required bool Approve { get; init; }

    /// <summary>The approver's user name.</summary>
    public required string Approver { get; init; }

    public string? Comment { get; init; }

    /// <summary>When the approver decided.</summary>
    public required DateTimeOffset At { get; init; }
}
