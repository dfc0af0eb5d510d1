using System.ComponentModel.DataAnnotations;

namespace Hoop.Gateway.Identity;

/// <summary>How people sign in. Bound from <c>Hoop:Identity</c> (<see cref="Hosting.SettingNames"/>), validated on start.</summary>
public sealed record IdentityOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Hoop:Identity";

    /// <summary>The OIDC issuer (Entra ID in Azure).</summary>
    public OidcIssuerOptions Oidc { get; init; } = new();

    /// <summary>More OIDC issuers (<c>Hoop:Identity:Issuers:0:Issuer</c>, ...).</summary>
    public IReadOnlyList<OidcIssuerOptions> Issuers { get; init; } = [];

    /// <summary>App Service Authentication.</summary>
    public EasyAuthOptions EasyAuth { get; init; } = new();

    /// <summary>SAML 2.0 sign-in.</summary>
    public SamlOptions Saml { get; init; } = new();

    /// <summary>
    /// How recent a sign-in must be to start a session, in seconds (<c>auth_time</c>, SAML <c>AuthnInstant</c>). An agent
    /// holding its person's cached (refreshed) token cannot start sessions on its own once this passes. Default 900.
    /// </summary>
    [Range(60, 86400)]
    public int MaxSignInAgeSeconds { get; init; } = 900;

    /// <summary>Clock skew allowed on token and assertion times, in seconds (at most 300). Default 60.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; init; } = 60;

    /// <summary>
    /// The least time between two key refreshes forced by an unknown <c>kid</c>, in seconds: a flood of tokens with
    /// made-up key ids costs one discovery fetch per this period. Default 300.
    /// </summary>
    [Range(1, 3600)]
    public int KeyRefreshCooldownSeconds { get; init; } = 300;

    /// <summary>Every configured OIDC issuer.</summary>
    public IEnumerable<OidcIssuerOptions> AllIssuers => Issuers.Prepend(Oidc).Where(i => i.IsConfigured);
}
