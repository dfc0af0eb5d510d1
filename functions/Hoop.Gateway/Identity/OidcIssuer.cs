using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Hoop.Gateway.Identity;

/// <summary>
/// One trusted OIDC issuer and its signing keys, read by OIDC discovery (the discovery document, then its <c>jwks_uri</c>)
/// over HTTPS only, and cached.
/// </summary>
/// <remarks>
/// Keys are read again every <see cref="AutomaticRefresh"/>. An unknown <c>kid</c> (the issuer rotated its keys) forces
/// one early read, at most once per cooldown, so tokens with made-up key ids cannot make the gateway hammer the issuer.
/// The discovery document must name exactly the configured issuer (OpenID Connect Discovery §4.3). Only asymmetric keys
/// are kept: a symmetric key in a JWKS would be a shared secret published to the world.
/// </remarks>
internal sealed class OidcIssuer
{
    /// <summary>How long keys are used before they are read again.</summary>
    public static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(6);

    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cooldown;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastForced = DateTimeOffset.MinValue;

    public OidcIssuer(OidcIssuerOptions options, HttpClient http, TimeProvider time, TimeSpan cooldown)
    {
        Options = options;
        Http = http;
        _retriever = new HttpDocumentRetriever(http) { RequireHttps = true };
        _time = time;
        _cooldown = cooldown;
    }

    public OidcIssuerOptions Options { get; }

    /// <summary>The client that reaches this issuer (discovery, keys, and the browser sign-in's token endpoint).</summary>
    public HttpClient Http { get; }

    /// <summary>How many times the keys were read (tests watch the cooldown with it).</summary>
    public int Fetches { get; private set; }

    /// <summary>The issuer's current signing keys.</summary>
    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken = default)
    {
        if (_keys is { } keys && _time.GetUtcNow() - _fetchedAt < AutomaticRefresh)
        {
            return keys;
        }

        return await FetchAsync(force: false, cancellationToken);
    }

    /// <summary>
    /// Reads the keys again because a token named a key id they lack; returns null when a forced read happened less than
    /// the cooldown ago (the token is then refused).
    /// </summary>
    public async ValueTask<IReadOnlyList<SecurityKey>?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (now - _lastForced < _cooldown)
            {
                return null;
            }

            _lastForced = now;
        }
        finally
        {
            _gate.Release();
        }

        return await FetchAsync(force: true, cancellationToken);
    }

    /// <summary>The issuer's discovery document (endpoints for the browser sign-in), checked to name this issuer.</summary>
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken = default)
    {
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(Options.DiscoveryAddress, _retriever, cancellationToken);
        return string.Equals(configuration.Issuer, Options.Issuer, StringComparison.Ordinal)
            ? configuration
            : throw new InvalidOperationException($"The discovery document at {Options.DiscoveryAddress} names issuer \"{configuration.Issuer}\", not the configured \"{Options.Issuer}\".");
    }

    private async ValueTask<IReadOnlyList<SecurityKey>> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!force && _keys is { } keys && _time.GetUtcNow() - _fetchedAt < AutomaticRefresh)
            {
                return keys;
            }

            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(Options.DiscoveryAddress, _retriever, cancellationToken);
            if (!string.Equals(configuration.Issuer, Options.Issuer, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The discovery document at {Options.DiscoveryAddress} names issuer \"{configuration.Issuer}\", not the configured \"{Options.Issuer}\".");
            }

            Fetches++;
            _keys = [.. configuration.SigningKeys.Where(IsAsymmetric)];
            _fetchedAt = _time.GetUtcNow();
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsAsymmetric(SecurityKey key) => key switch
    {
        JsonWebKey jwk => jwk.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve,
        AsymmetricSecurityKey => true,
        _ => false,
    };
}
