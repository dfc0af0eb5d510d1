namespace Hoop.Gateway.Sessions;

/// <summary>Where a session approval stands for one <c>POST /sessions</c>.</summary>
public enum SessionApprovalState
{
    /// <summary>Approved and consumed by this call: start the session.</summary>
    Approved,

    /// <summary>Waiting for a decision (202 with the approval id).</summary>
    Pending,

    /// <summary>Denied, expired, or not asked (403 with the reason).</summary>
    Refused,
}
