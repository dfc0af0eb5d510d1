namespace Hoop.Gateway.Sessions;

/// <summary>
/// Just-in-time session approval (a role's <c>sessionApproval</c>): asks the role's approvers before a session starts,
/// and uses an approval once. Registered by <c>AddHoopApprovals</c>; without it such roles are refused (fail closed).
/// </summary>
public interface ISessionApprovalGate
{
    /// <summary>Starts or joins the approval for <paramref name="ask"/>, or consumes it once it was approved.</summary>
    ValueTask<SessionApprovalResult> AwaitAsync(SessionApprovalAsk ask, CancellationToken cancellationToken = default);

    /// <summary>Journals that the session an approval was consumed for has started (the approval's <c>executed</c> step).</summary>
    ValueTask StartedAsync(SessionApprovalResult approved, Session session, CancellationToken cancellationToken = default);
}
