namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// What every notification of one approval says (Teams card and e-mail render the same message). Values that came from
/// the agent (target, names, body) are kept as given here; each renderer makes them inert for its format.
/// </summary>
public sealed record ApprovalMessage
{
    public required string ApprovalId { get; init; }

    /// <summary>The request in kubectl terms, e.g. <c>patch deployments/scale web -n default</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Who asks, session, connection, the request's HTTP form, rule, message, expiry (in that order).</summary>
    public required IReadOnlyList<ApprovalFact> Facts { get; init; }

    /// <summary>What the workload would run (empty unless the request creates or changes a workload).</summary>
    public IReadOnlyList<ApprovalFact> Workload { get; init; } = [];

    /// <summary>The request body, masked as the journal masks it, shortened to <see cref="ApprovalMessageBuilder.MaxBodyChars"/>; empty when there is none.</summary>
    public string BodySummary { get; init; } = "";

    /// <summary>Whether <see cref="BodySummary"/> was shortened.</summary>
    public bool BodyTruncated { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The signed link that opens the approval page.</summary>
    public required Uri OpenLink { get; init; }

    /// <summary>The page with Approve preselected (the page decides only on its POST).</summary>
    public required Uri ApproveLink { get; init; }

    /// <summary>The page with Deny preselected.</summary>
    public required Uri DenyLink { get; init; }
}
