using System.Text.Json;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Identity;

/// <summary>
/// <c>POST /saml/acs</c>: the SAML 2.0 assertion consumer service (HTTP-POST binding). A valid Response yields a
/// short-lived sign-in ticket (<see cref="SignInTickets"/>) the person presents as a bearer token on <c>/sessions</c>.
/// Excluded from Easy Auth (infra-bicep): it authenticates its callers by the IdP's signature alone. Refusals are
/// journaled; the assertion itself never is.
/// </summary>
public sealed class SamlAcsEndpoint
{
    private readonly SamlIdentityProviderSource _idp;
    private readonly SamlResponseValidator _validator;
    private readonly SignInTickets _tickets;
    private readonly GatewayAddress _address;
    private readonly ISessionAudit _audit;
    private readonly TimeProvider _time;

    internal SamlAcsEndpoint(SamlIdentityProviderSource idp, SamlResponseValidator validator, SignInTickets tickets, GatewayAddress address, ISessionAudit audit, TimeProvider time)
    {
        _idp = idp;
        _validator = validator;
        _tickets = tickets;
        _address = address;
        _audit = audit;
        _time = time;
    }

    /// <summary>Handles the POST.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_idp.IsConfigured || _address.BaseUrl is not { } baseUrl)
        {
            await GatewayRefusal.NotFound("SAML sign-in is not configured on this gateway").WriteAsync(context);
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var response = form?["SAMLResponse"].ToString();
        var result = string.IsNullOrEmpty(response)
            ? PersonAuthentication.Unauthorized("SAML: no SAMLResponse was posted")
            : _validator.Validate(response, await _idp.GetAsync(context.RequestAborted), new Uri(baseUrl, "/" + GatewayRoutes.SamlAcs).ToString());
        if (!result.Succeeded)
        {
            await _audit.RefusedAsync(
                new AccessRefusal
                {
                    Route = "/" + GatewayRoutes.SamlAcs,
                    StatusCode = result.StatusCode,
                    Reason = result.Failure,
                    RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
                    At = _time.GetUtcNow(),
                },
                context.RequestAborted);
            await new GatewayRefusal(result.StatusCode, result.StatusCode == 403 ? "Forbidden" : "Unauthorized", result.Failure).WriteAsync(context);
            return;
        }

        var (ticket, expires) = await _tickets.IssueAsync(result.Person, context.RequestAborted);
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new { user = result.Person.User, groups = result.Person.Groups, ticket, expiresAt = expires },
            new JsonSerializerOptions(JsonSerializerDefaults.Web),
            context.RequestAborted);
    }
}
