namespace Hoop.Gateway.Approvals;

/// <summary>
/// How approvers sign in on the approval page when the gateway is not behind Easy Auth: an OIDC authorization-code flow
/// with PKCE against <see cref="Issuer"/> (one of the trusted issuers), as client <see cref="ClientId"/>, redirecting to
/// <see cref="ApprovalSignIn.CallbackPath"/>. Set from <c>Hoop:Approvals:SignIn:*</c>; <c>hoop serve --demo</c> points it
/// at the dev issuer once its address is known.
/// </summary>
public sealed class ApprovalSignInSettings
{
    /// <summary>The issuer (exactly its <c>iss</c>); must be trusted by <see cref="Identity.OidcIssuerRegistry"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The gateway's client id at the issuer (the ID token's audience; it must be an accepted audience).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for issuers that require one at the token endpoint (a Key Vault reference in Azure).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Whether the browser code flow can start.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer) && !string.IsNullOrWhiteSpace(ClientId);
}
