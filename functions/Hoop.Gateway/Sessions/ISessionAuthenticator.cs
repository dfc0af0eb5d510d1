namespace Hoop.Gateway.Sessions;

/// <summary>The authenticate stage: turns the agent's bearer token into a <see cref="Session"/>, or refuses.</summary>
public interface ISessionAuthenticator
{
    /// <summary>
    /// Authenticates <paramref name="bearerToken"/> (the value after <c>Bearer </c>, or <see langword="null"/> when absent)
    /// for a request to <paramref name="connection"/>. A throw fails closed (the pipeline answers 503).
    /// </summary>
    ValueTask<SessionAuthentication> AuthenticateAsync(string? bearerToken, string connection, CancellationToken cancellationToken = default);
}
