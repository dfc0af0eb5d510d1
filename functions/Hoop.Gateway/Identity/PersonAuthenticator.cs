using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Identity;

/// <summary>
/// Signs people in on the routes they call. Order: a forged Easy Auth principal (Easy Auth off) is refused; a bearer
/// token is validated by the gateway itself (OIDC, or a sign-in ticket from SAML); else, with Easy Auth on, its
/// principal header; else 401. Session tokens are refused here: they work on <c>/k8s/*</c> only.
/// </summary>
internal sealed class PersonAuthenticator(
    OidcTokenValidator oidc,
    SignInTickets tickets,
    OidcIssuerRegistry issuers,
    IOptions<IdentityOptions> options,
    ISessionAudit audit,
    TimeProvider time) : IPersonAuthenticator
{
    public const string ForgedEasyAuth = "an Easy Auth principal header was sent, but this gateway does not run behind Easy Auth: refused";
    public const string SignInRequired = "sign-in required: send an identity provider token as 'Authorization: Bearer ...'";

    public async ValueTask<PersonAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await AuthenticateCoreAsync(request, cancellationToken);
        if (!result.Succeeded)
        {
            await audit.RefusedAsync(
                new AccessRefusal
                {
                    Route = request.Path.Value ?? "",
                    StatusCode = result.StatusCode,
                    Reason = result.Failure,
                    RemoteAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
                    At = time.GetUtcNow(),
                },
                cancellationToken);
        }

        return result;
    }

    private async ValueTask<PersonAuthentication> AuthenticateCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var easyAuth = options.Value.EasyAuth.Enabled;
        if (EasyAuthHeaders.ArePresent(request) && !easyAuth)
        {
            return PersonAuthentication.Unauthorized(ForgedEasyAuth);
        }

        if (BearerToken.From(request) is { Length: > 0 } bearer)
        {
            return SignInTickets.HasPrefix(bearer) ? await tickets.ValidateAsync(bearer, cancellationToken) : await oidc.ValidateAsync(bearer, cancellationToken);
        }

        if (easyAuth && request.Headers[EasyAuthHeaders.Principal].ToString() is { Length: > 0 } principal)
        {
            return EasyAuthPrincipal.Read(principal, issuers);
        }

        return PersonAuthentication.Unauthorized(SignInRequired);
    }
}
