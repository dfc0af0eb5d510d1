using System.Security.Cryptography;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Hoop.Gateway.Tests.Identity;

/// <summary>The real OIDC validation (discovery + JWKS over HTTPS) against a local issuer: the good token and every bad one.</summary>
public sealed class OidcTokenValidatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private LocalOidcIssuer _issuer = null!;
    private OidcIssuerRegistry _registry = null!;
    private OidcTokenValidator _validator = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _issuer = await LocalOidcIssuer.StartAsync();
        var options = Options.Create(new IdentityOptions
        {
            Oidc = new OidcIssuerOptions { Issuer = _issuer.Issuer, Audience = "other-app," + LocalOidcIssuer.Audience, UserClaim = "oid" },
            ClockSkewSeconds = 60,
            KeyRefreshCooldownSeconds = 300,
        });
        _registry = new OidcIssuerRegistry(options, _issuer.Client(), _time);
        _validator = new OidcTokenValidator(_registry, options, _time);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Validate_GoodToken_UserIsIssuerAndObjectIdNeverTheEmail()
    {
        var result = await _validator.ValidateAsync(_issuer.Mint(Now));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(_issuer.Issuer + "#00000000-0000-0000-0000-0000000000a1", result.Person.User);
        Assert.DoesNotContain("alice@example.com", result.Person.User, StringComparison.Ordinal);
        Assert.Equal(["developers", "everyone"], result.Person.Groups);
        Assert.Equal(Now, result.Person.AuthTime);
        Assert.Equal(1, _issuer.DiscoveryReads);
    }

    [Fact]
    public async Task Validate_EcdsaToken_IsAccepted()
    {
        var ec = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec1" };
        _issuer.Publish(ec);

        var result = await _validator.ValidateAsync(_issuer.Mint(Now, key: ec, algorithm: SecurityAlgorithms.EcdsaSha256));

        Assert.True(result.Succeeded, result.Failure);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "malformed", "not a well-formed JWT" },
        { "expired", "expired" },
        { "not-yet-valid", "not valid yet" },
        { "wrong-audience", "audience" },
        { "wrong-issuer", "issuer is not trusted" },
        { "alg-none", "" },
        { "hs256-public-key", "" },
        { "unknown-kid", "key the issuer does not publish" },
        { "tampered", "signature" },
        { "no-subject", "\"oid\" claim" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Validate_BadToken_Is401(string kind, string message)
    {
        var token = kind switch
        {
            "malformed" => "eyJhbGciOi.not-a-jwt",
            "expired" => _issuer.Mint(Now.AddHours(-2), lifetime: TimeSpan.FromMinutes(30)),
            "not-yet-valid" => _issuer.Mint(Now, notBefore: Now.AddMinutes(10)),
            "wrong-audience" => _issuer.Mint(Now, new Dictionary<string, object?> { ["aud"] = "api://someone-else" }),
            "wrong-issuer" => _issuer.Mint(Now, new Dictionary<string, object?> { ["iss"] = "https://login.example.com/evil/v2.0" }),
            "alg-none" => _issuer.MintUnsigned(Now),
            "hs256-public-key" => _issuer.MintHs256WithPublicKey(Now),
            "unknown-kid" => _issuer.Mint(Now, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "not-published" }),
            "tampered" => Tamper(_issuer.Mint(Now)),
            "no-subject" => _issuer.Mint(Now, new Dictionary<string, object?> { ["oid"] = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var result = await _validator.ValidateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains(message, result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SkewWithinBound_IsAccepted()
    {
        var result = await _validator.ValidateAsync(_issuer.Mint(Now.AddMinutes(-60).AddSeconds(-30)));

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Validate_SystemMastersGroup_Is403()
    {
        var token = _issuer.Mint(Now, new Dictionary<string, object?> { ["groups"] = new[] { "developers", "system:masters" } });

        var result = await _validator.ValidateAsync(token);

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(GroupClaims.SystemGroupRefused, result.Failure);
    }

    [Fact]
    public async Task Validate_EntraGroupsOverage_Is403WithTheDocumentedMessage()
    {
        var token = _issuer.Mint(Now, new Dictionary<string, object?>
        {
            ["groups"] = null,
            ["_claim_names"] = new Dictionary<string, object> { ["groups"] = "src1" },
            ["_claim_sources"] = new Dictionary<string, object> { ["src1"] = new Dictionary<string, object> { ["endpoint"] = "https://graph.microsoft.com/v1.0/users/x/getMemberObjects" } },
        });

        var result = await _validator.ValidateAsync(token);

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(GroupClaims.OverageRefused, result.Failure);
    }

    [Fact]
    public async Task Validate_SessionTokenAsBearer_IsRefused()
    {
        var result = await _validator.ValidateAsync(SessionToken.Create(SessionToken.NewSessionId()));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("/k8s/* only", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_IssuerRotatedKeys_UnknownKidRefreshesOnceAndSucceeds()
    {
        Assert.True((await _validator.ValidateAsync(_issuer.Mint(Now))).Succeeded);
        var rotated = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k2" };
        _issuer.Publish(rotated);

        var result = await _validator.ValidateAsync(_issuer.Mint(Now, key: rotated));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, _issuer.DiscoveryReads);
    }

    [Fact]
    public async Task Validate_ManyUnknownKids_RefreshAtMostOncePerCooldown()
    {
        for (var i = 0; i < 5; i++)
        {
            var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "stranger-" + i };
            Assert.False((await _validator.ValidateAsync(_issuer.Mint(Now, key: stranger))).Succeeded);
        }

        Assert.Equal(2, _issuer.DiscoveryReads);

        _time.Advance(TimeSpan.FromSeconds(301));
        Assert.False((await _validator.ValidateAsync(_issuer.Mint(Now, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "later" }))).Succeeded);
        Assert.Equal(3, _issuer.DiscoveryReads);
    }

    [Fact]
    public async Task Validate_DiscoveryNamesAnotherIssuer_FailsClosed()
    {
        _issuer.StatedIssuer = "https://evil.example/v2.0";

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _validator.ValidateAsync(_issuer.Mint(Now)));
    }

    [Fact]
    public async Task Validate_SymmetricKeyInJwks_IsIgnored()
    {
        // An issuer that (wrongly) publishes an "oct" key must not let anyone who reads the JWKS sign tokens.
        var shared = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "oct1" };
        _issuer.Publish(shared);

        var result = await _validator.ValidateAsync(_issuer.Mint(Now, key: shared, algorithm: SecurityAlgorithms.HmacSha256));

        Assert.False(result.Succeeded);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("developers", "sre-leads", StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(payload) + "." + parts[2];
    }
}
