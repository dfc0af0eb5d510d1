using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>One step of an approval (requested, notified, decided, executed), journaled in the request's session.</summary>
public sealed record ApprovalRecord
{
    /// <summary>Step names, in the order an approval goes through them.</summary>
    public static class Steps
    {
        public const string Requested = "requested";
        public const string Notified = "notified";
        public const string Decided = "decided";
        public const string Executed = "executed";
    }

    public required string SessionId { get; init; }

    /// <summary>The Audit-ID of the agent request the approval is for.</summary>
    public required string AuditId { get; init; }

    public required string ApprovalId { get; init; }

    /// <summary>One of <see cref="Steps"/>.</summary>
    public required string Step { get; init; }

    /// <summary>Who acted: the approver's identity for <c>decided</c>, the channel for <c>notified</c>.</summary>
    public string? Actor { get; init; }

    /// <summary>approved / denied / expired for <c>decided</c>.</summary>
    public string? Outcome { get; init; }

    public string? Comment { get; init; }

    /// <summary>When the step happened (the decision time for <c>decided</c>).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// The partition's session, written as its start when this is the partition's first record (session approvals are
    /// journaled in the refusal partition of their day, as a person who has no session yet has no partition of their own).
    /// </summary>
    public Session? Session { get; init; }
}
