namespace Hoop.Gateway.Sessions;

/// <summary>
/// Where the session feature journals what it did: sessions started and ended, and every refused sign-in or token.
/// <see cref="JournalSessionAudit"/> writes them to the audit journal (docs/identity.md).
/// </summary>
public interface ISessionAudit
{
    /// <summary>A session started (who, role, connection, expiry, and the reason the person gave).</summary>
    ValueTask SessionStartedAsync(Session session, string reason, CancellationToken cancellationToken = default);

    /// <summary>A session was ended early by <paramref name="endedBy"/>.</summary>
    ValueTask SessionEndedAsync(Session session, string endedBy, CancellationToken cancellationToken = default);

    /// <summary>A sign-in or session token was refused.</summary>
    ValueTask RefusedAsync(AccessRefusal refusal, CancellationToken cancellationToken = default);
}
