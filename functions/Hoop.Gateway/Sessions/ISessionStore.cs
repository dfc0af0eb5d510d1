namespace Hoop.Gateway.Sessions;

/// <summary>Keeps sessions: one Key Vault secret per session in Azure (<see cref="SecretStoreSessionStore"/>).</summary>
internal interface ISessionStore
{
    /// <summary>Stores a new session with the keyed hash of its token.</summary>
    ValueTask CreateAsync(Session session, string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The session <paramref name="id"/>, or null when there is none.</summary>
    ValueTask<StoredSession?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every session of <paramref name="user"/> (without token hashes).</summary>
    IAsyncEnumerable<StoredSession> ListAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Ends session <paramref name="id"/> (disables its secret).</summary>
    ValueTask EndAsync(string id, CancellationToken cancellationToken = default);
}
