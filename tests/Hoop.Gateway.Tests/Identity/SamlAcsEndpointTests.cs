using System.Text.Json;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using B = Hoop.Gateway.Tests.Support.SamlResponseBuilder;

namespace Hoop.Gateway.Tests.Identity;

/// <summary><c>POST /saml/acs</c>: a valid response gives a sign-in ticket for the same person; a bad one is 401 and journaled.</summary>
public sealed class SamlAcsEndpointTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingSessionAudit _audit = new();
    private readonly B _idp = new();
    private readonly SignInTickets _tickets;
    private readonly SamlAcsEndpoint _endpoint;

    public SamlAcsEndpointTests()
    {
        var options = Options.Create(new IdentityOptions { Saml = new SamlOptions { EntityId = B.SpEntityId, IdpMetadata = _idp.Metadata() } });
        _tickets = new SignInTickets(new SecretStoreSessionKeySource(new InMemoryKeyStore()), options, _time);
        _endpoint = new SamlAcsEndpoint(
            new SamlIdentityProviderSource(options, new HttpClient(), _time),
            new SamlResponseValidator(options, new SamlReplayCache(_time), _time),
            _tickets,
            new GatewayAddress { BaseUrl = new Uri("https://hoop.example") },
            _audit,
            _time);
    }

    private async Task<(int Status, JsonElement Body)> PostAsync(string samlResponse)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/saml/acs";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues> { ["SAMLResponse"] = samlResponse });
        context.Response.Body = new MemoryStream();
        await _endpoint.HandleAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone());
    }

    [Fact]
    public async Task Post_ValidResponse_GivesATicketThatSignsTheSamePersonIn()
    {
        var document = B.Build(_time.GetUtcNow(), groups: ["developers"]);
        _idp.Sign(B.Assertion(document));

        var (status, body) = await PostAsync(B.Encode(document));
        var signedIn = await _tickets.ValidateAsync(body.GetProperty("ticket").GetString()!);

        Assert.Equal(200, status);
        Assert.True(signedIn.Succeeded, signedIn.Failure);
        Assert.Equal(B.IdpEntityId + "#persistent-alice", signedIn.Person.User);
        Assert.Equal(["developers"], signedIn.Person.Groups);
        Assert.Equal("saml", signedIn.Person.Method);
    }

    [Fact]
    public async Task Post_UnsignedResponse_Is401StatusAndJournaled()
    {
        var (status, body) = await PostAsync(B.Encode(B.Build(_time.GetUtcNow())));

        Assert.Equal(401, status);
        Assert.Equal("Status", body.GetProperty("kind").GetString());
        Assert.Contains(_audit.Refusals, r => r.Route == "/saml/acs" && r.StatusCode == 401);
    }
}
