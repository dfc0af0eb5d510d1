using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Identity;

/// <summary>
/// The configured SAML identity provider: its metadata inline (<see cref="SamlOptions.IdpMetadata"/>) or fetched over
/// HTTPS from <see cref="SamlOptions.IdpMetadataUrl"/> and kept for <see cref="Refresh"/> (so a rolled-over signing
/// certificate is picked up).
/// </summary>
internal sealed class SamlIdentityProviderSource(IOptions<IdentityOptions> options, HttpClient http, TimeProvider time)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromHours(12);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SamlIdentityProvider? _idp;
    private DateTimeOffset _readAt;

    /// <summary>Whether SAML sign-in is configured.</summary>
    public bool IsConfigured => options.Value.Saml.IsConfigured;

    public async ValueTask<SamlIdentityProvider> GetAsync(CancellationToken cancellationToken = default)
    {
        var saml = options.Value.Saml;
        if (_idp is { } idp && (saml.IdpMetadata is { Length: > 0 } || time.GetUtcNow() - _readAt < Refresh))
        {
            return idp;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            string xml;
            if (saml.IdpMetadata is { Length: > 0 } inline)
            {
                xml = inline;
            }
            else
            {
                var url = new Uri(saml.IdpMetadataUrl ?? throw new InvalidOperationException("SAML sign-in is not configured."));
                if (url.Scheme != Uri.UriSchemeHttps)
                {
                    throw new InvalidOperationException("The SAML metadata URL must be HTTPS.");
                }

                xml = await http.GetStringAsync(url, cancellationToken);
            }

            _idp = SamlIdentityProvider.Parse(xml);
            _readAt = time.GetUtcNow();
            return _idp;
        }
        finally
        {
            _gate.Release();
        }
    }
}
