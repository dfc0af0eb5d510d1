namespace Hoop.Gateway.Recording;

/// <summary>One approval: who asked, who decided, what, with the comment, the times and the wait.</summary>
public sealed record EvidenceApproval
{
    public required string ApprovalId { get; init; }

    public required string SessionId { get; init; }

    public required string AuditId { get; init; }

    public required string Requester { get; init; }

    public string? Approver { get; init; }

    /// <summary>The decided outcome (approved / denied / expired ...), null while undecided.</summary>
    public string? Decision { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Seconds from request to decision, null while either is missing.</summary>
    public double? WaitSeconds { get; init; }
}
