using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Identity;

/// <summary>
/// The OIDC issuers the gateway trusts, by their exact <c>iss</c>: the configured ones, plus any a host adds (the demo's
/// built-in dev issuer, once its address is known).
/// </summary>
public sealed class OidcIssuerRegistry
{
    private readonly ConcurrentDictionary<string, OidcIssuer> _issuers = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cooldown;

    internal OidcIssuerRegistry(IOptions<IdentityOptions> options, HttpClient http, TimeProvider time)
    {
        _http = http;
        _time = time;
        _cooldown = TimeSpan.FromSeconds(options.Value.KeyRefreshCooldownSeconds);
        foreach (var issuer in options.Value.AllIssuers)
        {
            Add(issuer);
        }
    }

    /// <summary>Trusts <paramref name="issuer"/>; its discovery and keys are read with <paramref name="http"/> (or the default client).</summary>
    public void Add(OidcIssuerOptions issuer, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!issuer.IsConfigured || issuer.Audiences.Count == 0)
        {
            throw new ArgumentException("An OIDC issuer needs an issuer and at least one audience.", nameof(issuer));
        }

        _issuers[issuer.Issuer!] = new OidcIssuer(issuer, http ?? _http, _time, _cooldown);
    }

    internal OidcIssuer? Find(string issuer) => _issuers.GetValueOrDefault(issuer);

    /// <summary>Whether <paramref name="issuer"/> is trusted.</summary>
    public bool Contains(string issuer) => _issuers.ContainsKey(issuer);

    internal OidcIssuerOptions? OptionsOf(string issuer) => Find(issuer)?.Options;
}
