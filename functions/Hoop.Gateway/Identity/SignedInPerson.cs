namespace Hoop.Gateway.Identity;

/// <summary>
/// A person signed in through OIDC, SAML or Easy Auth — the same shape whichever way they came.
/// </summary>
/// <param name="User">
/// The immutable user name forwarded to clusters and journaled: <c>{issuer}#{subject}</c>, as the Kubernetes OIDC
/// authenticator names users. Built from the issuer and an immutable claim (<c>sub</c>, Entra's <c>oid</c>, SAML's
/// persistent NameID), never from an e-mail address or display name, which can be changed or reassigned.
/// </param>
/// <param name="Issuer">Who vouched for the person (the OIDC issuer or the SAML IdP's entity id).</param>
/// <param name="Subject">The immutable subject at that issuer.</param>
/// <param name="Groups">The person's groups as the identity provider stated them (never containing <c>system:*</c>).</param>
/// <param name="AuthTime">When the person last actively signed in (<c>auth_time</c>, SAML <c>AuthnInstant</c>), if stated.</param>
/// <param name="Method">How the person signed in: <c>oidc</c>, <c>saml</c> or <c>easyauth</c>.</param>
public sealed record SignedInPerson(
    string User,
    string Issuer,
    string Subject,
    IReadOnlyList<string> Groups,
    DateTimeOffset? AuthTime,
    string Method)
{
    /// <summary>Builds the user name from an issuer and an immutable subject.</summary>
    public static string UserName(string issuer, string subject) => issuer + "#" + subject;
}
