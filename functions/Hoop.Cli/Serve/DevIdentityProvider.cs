using System.Security.Cryptography;
using System.Text.Json;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hoop.Cli.Serve;

/// <summary>
/// The demo's built-in OIDC issuer: discovery and JWKS served by the gateway's own host under <c>/dev/oidc</c>, tokens
/// signed with an ES256 key kept in the local secret store, for the demo users of DESIGN.md §8. Demo only: never in Azure.
/// </summary>
/// <remarks>
/// The gateway validates these tokens through the same OIDC path as Entra ID's (discovery over HTTPS, JWKS, signature,
/// issuer, audience, lifetime). <c>hoop dev token</c> signs with the same key, read from the state folder.
/// </remarks>
internal sealed class DevIdentityProvider
{
    /// <summary>The path under the gateway where the issuer lives.</summary>
    public const string PathBase = "/dev/oidc";

    /// <summary>The audience of dev tokens.</summary>
    public const string Audience = "hoop";

    /// <summary>The secret that holds the signing key (PKCS#8 PEM).</summary>
    public const string KeySecret = "dev-oidc-signing-key";

    /// <summary>The demo users and their groups (DESIGN.md §8).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Users = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["alice"] = ["developers"],
        ["bob"] = ["sre-leads"],
        ["carol"] = ["auditors"],
    };

    private readonly ECDsaSecurityKey _key;
    private string? _issuer;

    private DevIdentityProvider(ECDsa key)
    {
        _key = new ECDsaSecurityKey(key) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray()) };
    }

    /// <summary>The issuer (<c>iss</c>): the gateway's URL + <c>/dev/oidc</c> (known once the gateway listens).</summary>
    public string Issuer => _issuer ?? throw new InvalidOperationException("The dev issuer's address is not known yet.");

    /// <summary>Sets the gateway's address, which makes the issuer's.</summary>
    public DevIdentityProvider At(Uri gatewayUrl)
    {
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        _issuer = gatewayUrl.ToString().TrimEnd('/') + PathBase;
        return this;
    }

    /// <summary>The issuer as the gateway trusts it.</summary>
    public OidcIssuerOptions Options => new() { Issuer = Issuer, Audience = Audience, UserClaim = "sub", GroupsClaim = "groups" };

    /// <summary>Loads the signing key from <paramref name="secrets"/>, creating it on first use.</summary>
    public static async Task<DevIdentityProvider> LoadOrCreateAsync(FileSecretStore secrets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (await secrets.GetSecretAsync(KeySecret, cancellationToken) is { } pem)
        {
            key.ImportFromPem(pem);
        }
        else
        {
            await secrets.SetSecretAsync(KeySecret, key.ExportPkcs8PrivateKeyPem(), cancellationToken);
        }

        return new DevIdentityProvider(key);
    }

    /// <summary>A token for demo user <paramref name="user"/>, valid for an hour, signed in just now (with <paramref name="nonce"/> when a browser sign-in asked for one).</summary>
    public string IssueToken(string user, TimeProvider time, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!Users.TryGetValue(user, out var groups))
        {
            throw new ArgumentException($"'{user}' is not a demo user (alice, bob, carol).", nameof(user));
        }

        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user,
            ["name"] = user,
            ["groups"] = groups,
            ["auth_time"] = now.ToUnixTimeSeconds(),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
            Claims = claims,
        });
    }

    /// <summary>A token for <paramref name="user"/> now (tests).</summary>
    public Task<string> IssueTokenAsync(string user) => Task.FromResult(IssueToken(user, TimeProvider.System));

    /// <summary>Maps the discovery document and the JWKS on <paramref name="app"/>.</summary>
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(PathBase + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "/jwks",
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["grant_types_supported"] = new[] { "authorization_code" },
            ["claims_supported"] = new[] { "sub", "name", "groups", "auth_time", "nonce" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
            ["subject_types_supported"] = new[] { "public" },
            ["response_types_supported"] = new[] { "code", "id_token" },
        }));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(_key);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = "sig", alg = SecurityAlgorithms.EcdsaSha256 } },
        });
        app.MapGet(PathBase + "/jwks", () => Results.Text(jwks, "application/json"));
        new DevSignInEndpoints(this, TimeProvider.System).Map(app);
    }
}
