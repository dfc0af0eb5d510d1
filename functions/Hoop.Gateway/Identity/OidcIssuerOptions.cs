namespace Hoop.Gateway.Identity;

/// <summary>One OIDC issuer whose tokens sign people in (Entra ID in Azure; the dev issuer in the demo).</summary>
public sealed record OidcIssuerOptions
{
    /// <summary>The issuer, exactly as tokens state it in <c>iss</c> (Entra: <c>https://login.microsoftonline.com/{tenant}/v2.0</c>).</summary>
    public string? Issuer { get; init; }

    /// <summary>Accepted audiences, comma-separated (Entra: <c>api://{client-id},{client-id}</c>).</summary>
    public string? Audience { get; init; }

    /// <summary>The discovery document; <c>{Issuer}/.well-known/openid-configuration</c> when empty.</summary>
    public string? MetadataAddress { get; init; }

    /// <summary>
    /// The immutable claim that names the person (default <c>sub</c>; Entra: <c>oid</c>, the object id, which is the same
    /// for every application, where <c>sub</c> is pairwise). Never an e-mail or <c>preferred_username</c>.
    /// </summary>
    public string UserClaim { get; init; } = "sub";

    /// <summary>The claim that lists the person's groups (default <c>groups</c>; <c>roles</c> for Entra app roles).</summary>
    public string GroupsClaim { get; init; } = "groups";

    /// <summary>Whether this issuer is configured (an empty issuer means "no OIDC sign-in").</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer);

    /// <summary>The accepted audiences as a list.</summary>
    public IReadOnlyList<string> Audiences
        => (Audience ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The discovery document's address.</summary>
    public string DiscoveryAddress
        => string.IsNullOrWhiteSpace(MetadataAddress) ? Issuer!.TrimEnd('/') + "/.well-known/openid-configuration" : MetadataAddress;
}
