namespace Hoop.Gateway.Sessions;

/// <summary>A person asking to start a session under a role that needs an approval first.</summary>
public sealed record SessionApprovalAsk
{
    /// <summary>The person's user name (the requester, who may not approve).</summary>
    public required string User { get; init; }

    public required string Role { get; init; }

    public required string Connection { get; init; }

    /// <summary>The session's lifetime, already capped by the role's maxSession.</summary>
    public required TimeSpan Ttl { get; init; }

    public required string Reason { get; init; }

    /// <summary>The role's <c>sessionApproval.approvers</c>: names of the policy's <c>approvers:</c> entries.</summary>
    public required IReadOnlyList<string> Approvers { get; init; }

    /// <summary>The role's <c>sessionApproval.timeout</c>; null for the gateway's default.</summary>
    public TimeSpan? Timeout { get; init; }
}
