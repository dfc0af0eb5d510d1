namespace Hoop.Gateway.Approvals;

/// <summary>The output of <see cref="ApprovalOrchestration"/>: approved, denied or expired (changed only additively).</summary>
public sealed record ApprovalOutcome
{
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Expired = "expired";

    public required string ApprovalId { get; init; }

    /// <summary>One of <see cref="Approved"/>, <see cref="Denied"/>, <see cref="Expired"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Who decided (null when expired).</summary>
    public string? Approver { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The orchestration input, so that the outcome activity can journal it in the right session.</summary>
    public required string SessionId { get; init; }

    public required string AuditId { get; init; }
}
