namespace Hoop.Gateway.Approvals;

/// <summary>
/// The gate's bookkeeping beside the orchestrations: the generation of each (session, fingerprint), who starts an
/// approval, and the one consumption of an approved approval. Every write is an atomic conditional write.
/// </summary>
public interface IApprovalLedger
{
    /// <summary>The current generation of approvals for this request in this session (starts at 0).</summary>
    ValueTask<int> GenerationAsync(string sessionId, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Moves the generation on from <paramref name="from"/>; false when another caller already did.</summary>
    ValueTask<bool> TryAdvanceAsync(string sessionId, string fingerprint, int from, CancellationToken cancellationToken = default);

    /// <summary>Claims the start of approval <paramref name="approvalId"/> if the session has fewer than <paramref name="maxPending"/> pending; null when the cap is reached, false when another caller claimed it.</summary>
    ValueTask<bool?> TryClaimStartAsync(string sessionId, string approvalId, int maxPending, CancellationToken cancellationToken = default);

    /// <summary>Marks an approval finished (decided or expired), so it no longer counts against the session's cap.</summary>
    ValueTask FinishAsync(string sessionId, string approvalId, CancellationToken cancellationToken = default);

    /// <summary>Consumes an approved approval; true for exactly one caller, ever.</summary>
    ValueTask<bool> TryConsumeAsync(string approvalId, CancellationToken cancellationToken = default);

    /// <summary>Uses a signed approval link (by its <see cref="ApprovalLink.LinkId"/>); true for exactly one caller, ever.</summary>
    ValueTask<bool> TryUseLinkAsync(string linkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the one decision of approval <paramref name="approvalId"/>; true for exactly one caller, ever, so that of two
    /// approvers deciding at once one wins and the other is told. Kept in the same single-use store as links.
    /// </summary>
    ValueTask<bool> TryClaimDecisionAsync(string approvalId, CancellationToken cancellationToken = default)
        => TryUseLinkAsync("decision:" + approvalId, cancellationToken);
}
