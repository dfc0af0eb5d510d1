namespace Hoop.Gateway.Sessions;

/// <summary>Gives the <see cref="SessionKeys"/> (read once from the secret store, then kept).</summary>
public interface ISessionKeySource
{
    /// <summary>The keys; throws when the master secret is missing (the caller fails closed).</summary>
    ValueTask<SessionKeys> GetKeysAsync(CancellationToken cancellationToken = default);
}
