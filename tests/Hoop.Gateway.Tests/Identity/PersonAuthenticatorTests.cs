using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hoop.Gateway.Tests.Identity;

/// <summary>Sign-in on the routes people call: bearer tokens, Easy Auth only when configured on, forgeries refused and journaled.</summary>
public sealed class PersonAuthenticatorTests : IAsyncLifetime
{
    private const string Entra = "https://login.microsoftonline.com/tenant/v2.0";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingSessionAudit _audit = new();
    private LocalOidcIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    private PersonAuthenticator Create(bool easyAuth)
    {
        var options = Options.Create(new IdentityOptions
        {
            Oidc = new OidcIssuerOptions { Issuer = _issuer.Issuer, Audience = LocalOidcIssuer.Audience, UserClaim = "oid" },
            Issuers = [new OidcIssuerOptions { Issuer = Entra, Audience = "api://x", UserClaim = "oid" }],
            EasyAuth = new EasyAuthOptions { Enabled = easyAuth },
        });
        var registry = new OidcIssuerRegistry(options, _issuer.Client(), _time);
        var keys = new SecretStoreSessionKeySource(new InMemoryKeyStore());
        return new PersonAuthenticator(
            new OidcTokenValidator(registry, options, _time), new SignInTickets(keys, options, _time), registry, options, _audit, _time);
    }

    private static HttpRequest Request(string path = "/sessions", string? bearer = null, string? principal = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        if (principal is not null)
        {
            context.Request.Headers[EasyAuthHeaders.Principal] = principal;
        }

        return context.Request;
    }

    private static string Principal(params (string, string)[] claims) => EasyAuthPrincipal.Encode(claims);

    private static string AlicePrincipal(params string[] groups)
        => Principal([("iss", Entra), ("http://schemas.microsoft.com/identity/claims/objectidentifier", "oid-alice"), ("auth_time", "1795694400"), .. groups.Select(g => ("groups", g))]);

    [Fact]
    public async Task Authenticate_NoCredential_Is401AndJournaled()
    {
        var result = await Create(easyAuth: false).AuthenticateAsync(Request());

        Assert.Equal(401, result.StatusCode);
        Assert.Contains(_audit.Refusals, r => r.Route == "/sessions" && r.Reason == PersonAuthenticator.SignInRequired);
    }

    [Fact]
    public async Task Authenticate_BearerToken_SignsIn()
    {
        var result = await Create(easyAuth: false).AuthenticateAsync(Request(bearer: _issuer.Mint(_time.GetUtcNow())));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("oidc", result.Person.Method);
    }

    [Fact]
    public async Task Authenticate_EasyAuthHeaderWhenEasyAuthIsOff_IsRefusedAsForgery()
    {
        var result = await Create(easyAuth: false).AuthenticateAsync(Request(principal: AlicePrincipal("developers")));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(PersonAuthenticator.ForgedEasyAuth, result.Failure);
        Assert.Contains(_audit.Refusals, r => r.Reason == PersonAuthenticator.ForgedEasyAuth);
    }

    [Fact]
    public async Task Authenticate_EasyAuthHeaderWithAValidBearerWhenOff_IsStillRefused()
    {
        var request = Request(bearer: _issuer.Mint(_time.GetUtcNow()), principal: AlicePrincipal("sre-leads"));

        var result = await Create(easyAuth: false).AuthenticateAsync(request);

        Assert.Equal(PersonAuthenticator.ForgedEasyAuth, result.Failure);
    }

    [Fact]
    public async Task Authenticate_EasyAuthOn_PrincipalGivesTheSameShapeAsOidc()
    {
        var result = await Create(easyAuth: true).AuthenticateAsync(Request(principal: AlicePrincipal("developers")));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(Entra + "#oid-alice", result.Person.User);
        Assert.Equal(["developers"], result.Person.Groups);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795694400), result.Person.AuthTime);
        Assert.Equal("easyauth", result.Person.Method);
    }

    [Fact]
    public async Task Authenticate_EasyAuthOnWithoutPrincipal_Is401()
    {
        var result = await Create(easyAuth: true).AuthenticateAsync(Request());

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("e30=")]
    public async Task Authenticate_EasyAuthOnMalformedPrincipal_Is401(string principal)
    {
        var result = await Create(easyAuth: true).AuthenticateAsync(Request(principal: principal));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_EasyAuthPrincipalOfUntrustedIssuer_Is401()
    {
        var principal = Principal(("iss", "https://evil.example"), ("oid", "x"));

        var result = await Create(easyAuth: true).AuthenticateAsync(Request(principal: principal));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_EasyAuthPrincipalWithSystemMasters_Is403()
    {
        var result = await Create(easyAuth: true).AuthenticateAsync(Request(principal: AlicePrincipal("developers", "system:masters")));

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(GroupClaims.SystemGroupRefused, result.Failure);
    }

    [Fact]
    public async Task Authenticate_EasyAuthPrincipalWithOverage_Is403()
    {
        var principal = Principal(("iss", Entra), ("oid", "a"), ("_claim_names", "{\"groups\":\"src1\"}"));

        var result = await Create(easyAuth: true).AuthenticateAsync(Request(principal: principal));

        Assert.Equal(GroupClaims.OverageRefused, result.Failure);
    }

    [Fact]
    public async Task Authenticate_SessionTokenAsBearer_Is401()
    {
        var result = await Create(easyAuth: true).AuthenticateAsync(Request(bearer: SessionToken.Create(SessionToken.NewSessionId())));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("/k8s/* only", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_SignInTicket_SignsInAsTheTicketsPerson()
    {
        var options = Options.Create(new IdentityOptions());
        var tickets = new SignInTickets(new SecretStoreSessionKeySource(new InMemoryKeyStore()), options, _time);
        var person = new SignedInPerson("idp#n", "idp", "n", ["developers"], _time.GetUtcNow(), "saml");
        var (ticket, _) = await tickets.IssueAsync(person);

        var result = await tickets.ValidateAsync(ticket);
        var tampered = await tickets.ValidateAsync(ticket[..^2] + (ticket[^2] == 'A' ? "BA" : "AA"));
        _time.Advance(TimeSpan.FromMinutes(16));
        var expired = await tickets.ValidateAsync(ticket);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(person with { Groups = [] }, result.Person with { Groups = [] });
        Assert.Equal(person.Groups, result.Person.Groups);
        Assert.False(tampered.Succeeded);
        Assert.False(expired.Succeeded);
    }
}
