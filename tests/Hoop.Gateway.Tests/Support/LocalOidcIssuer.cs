using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hoop.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hoop.Gateway.Tests.Support;

/// <summary>
/// A local OIDC issuer on loopback HTTPS: a discovery document and a JWKS whose keys tests can rotate, and helpers that
/// mint good tokens and the bad ones an attacker would send (alg none, HS256 keyed with the public key, unknown kid).
/// </summary>
internal sealed class LocalOidcIssuer : IAsyncDisposable
{
    public const string Audience = "api://hoop-test";

    private static readonly JsonSerializerOptions IgnoreNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly List<SecurityKey> _published = [];
    private int _discoveryReads;

    private LocalOidcIssuer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    public string Issuer { get; private set; } = "";

    /// <summary>The signing key published from the start (RS256, kid <c>k1</c>).</summary>
    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "k1" };

    /// <summary>How many times the discovery document was read.</summary>
    public int DiscoveryReads => _discoveryReads;

    /// <summary>The <c>issuer</c> the discovery document states (tests make it lie).</summary>
    public string? StatedIssuer { get; set; }

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var certificate = DevCertificate.Create("local-oidc-issuer", TimeSpan.FromDays(1));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var issuer = new LocalOidcIssuer(app, certificate);
        issuer._published.Add(issuer.Key);
        app.MapGet("/tenant/v2.0/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref issuer._discoveryReads);
            return Results.Json(new { issuer = issuer.StatedIssuer ?? issuer.Issuer, jwks_uri = issuer.Issuer + "/keys" });
        });
        app.MapGet("/tenant/v2.0/keys", () => Results.Text(issuer.Jwks(), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer.Issuer = $"https://127.0.0.1:{new Uri(address).Port}/tenant/v2.0";
        return issuer;
    }

    /// <summary>An HTTP client that trusts this issuer's certificate.</summary>
    public HttpClient Client()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(_certificate.RawData);
        return new HttpClient(handler);
    }

    /// <summary>Publishes another key (the issuer rotates).</summary>
    public void Publish(SecurityKey key) => _published.Add(key);

    /// <summary>A signed token; <paramref name="claims"/> override the defaults (null values remove a claim).</summary>
    public string Mint(DateTimeOffset now, IDictionary<string, object?>? claims = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256, TimeSpan? lifetime = null, DateTimeOffset? notBefore = null)
    {
        var values = new Dictionary<string, object>
        {
            ["sub"] = "pairwise-subject",
            ["oid"] = "00000000-0000-0000-0000-0000000000a1",
            ["email"] = "alice@example.com",
            ["preferred_username"] = "alice@example.com",
            ["groups"] = new[] { "developers", "everyone" },
            ["auth_time"] = now.ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in claims ?? new Dictionary<string, object?>())
        {
            if (value is null)
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        var issuer = values.Remove("iss", out var iss) ? (string)iss : Issuer;
        var audience = values.Remove("aud", out var aud) ? (string)aud : Audience;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = (notBefore ?? now).UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Key, algorithm),
            Claims = values,
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string MintUnsigned(DateTimeOffset now)
        => Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, Payload(now)) + ".";

    /// <summary>An HS256 token whose HMAC key is the issuer's PUBLIC key (the RS/HS confusion attack).</summary>
    public string MintHs256WithPublicKey(DateTimeOffset now)
    {
        var unsigned = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = Key.KeyId }, Payload(now));
        var publicKey = Encoding.ASCII.GetBytes(Key.Rsa.ExportSubjectPublicKeyInfoPem());
        return unsigned + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(unsigned)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private JsonObject Payload(DateTimeOffset now) => new()
    {
        ["iss"] = Issuer,
        ["aud"] = Audience,
        ["sub"] = "pairwise-subject",
        ["oid"] = "00000000-0000-0000-0000-0000000000a1",
        ["groups"] = new JsonArray("developers"),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        ["auth_time"] = now.ToUnixTimeSeconds(),
    };

    private static string Encode(JsonObject header, JsonObject payload)
        => Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString());

    private string Jwks()
    {
        var keys = new JsonArray();
        foreach (var key in _published)
        {
            var jwk = key switch
            {
                RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa),
                ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec),
                SymmetricSecurityKey sym => JsonWebKeyConverter.ConvertFromSymmetricSecurityKey(sym),
                _ => throw new NotSupportedException(),
            };
            keys.Add(JsonNode.Parse(JsonSerializer.Serialize(new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E, crv = jwk.Crv, x = jwk.X, y = jwk.Y, k = jwk.K }, IgnoreNulls)));
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}
