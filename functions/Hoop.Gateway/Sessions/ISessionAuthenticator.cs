using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Sessions;

/// <summary>The authenticate stage: turns the agent's bearer token into a <see cref="Session"/>, or refuses.</summary>
public interface ISessionAuthenticator
{
    /// <summary>
    /// Authenticates <paramref name="bearerToken"/> (the value after <c>Bearer </c>, or <see langword="null"/> when absent)
    /// for a request to <paramref name="connection"/>. A throw fails closed (the pipeline answers 503).
    /// </summary>
    ValueTask<SessionAuthentication> AuthenticateAsync(string? bearerToken, string connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Authenticates the agent request <paramref name="request"/> (what the pipeline calls). The default reads the bearer
    /// token; authenticators that also judge other headers (forged sign-in principals) override it.
    /// </summary>
    ValueTask<SessionAuthentication> AuthenticateAsync(HttpRequest request, string connection, CancellationToken cancellationToken = default)
        => AuthenticateAsync(BearerToken.From(request), connection, cancellationToken);
}
