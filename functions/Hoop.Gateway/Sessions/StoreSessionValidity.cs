namespace Hoop.Gateway.Sessions;

/// <summary>Reads the session store itself (not <see cref="SessionCache"/>), so an end anywhere is seen at once.</summary>
internal sealed class StoreSessionValidity(ISessionStore store, TimeProvider time) : ISessionValidity
{
    public async ValueTask<string?> CheckAsync(Session session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stored = await store.GetAsync(session.Id, cancellationToken);
        if (stored is null || !stored.Enabled)
        {
            return SessionTokenAuthenticator.SessionEnded;
        }

        return stored.Session.ExpiresAt <= time.GetUtcNow() ? SessionTokenAuthenticator.SessionEnded : null;
    }
}
