namespace Hoop.Gateway.Approvals;

/// <summary>How the approve stage holds agent calls (section <c>Hoop:Approvals</c>).</summary>
public sealed record ApprovalOptions
{
    /// <summary>How long an agent call is held waiting for a decision before it gets a 403 "pending" (Hoop:Approvals:HoldSeconds).</summary>
    public int HoldSeconds { get; init; } = 60;

    /// <summary>How many approvals one session may have pending at once.</summary>
    public int MaxPendingPerSession { get; init; } = 5;

    /// <summary>The timeout of a rule that names none.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(15);
}
