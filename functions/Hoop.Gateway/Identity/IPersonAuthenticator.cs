using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Identity;

/// <summary>Signs the person behind a request in (the routes people call: <c>/sessions</c>), or refuses.</summary>
public interface IPersonAuthenticator
{
    /// <summary>
    /// Authenticates <paramref name="request"/>: an OIDC bearer token, a gateway sign-in ticket (after SAML), or — only when
    /// Easy Auth is configured on — App Service Authentication's principal header. Every refusal is journaled.
    /// </summary>
    ValueTask<PersonAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default);
}
