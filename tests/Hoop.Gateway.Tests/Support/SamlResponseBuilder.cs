using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Hoop.Gateway.Identity;

namespace Hoop.Gateway.Tests.Support;

/// <summary>
/// Builds SAML 2.0 Responses as an identity provider would (signed with a test IdP key), so tests can sign them right
/// and then bend them into the known wrapping attacks.
/// </summary>
internal sealed class SamlResponseBuilder
{
    public const string IdpEntityId = "https://idp.example/saml";
    public const string SpEntityId = "https://hoop.example/saml";
    public const string Acs = "https://hoop.example/saml/acs";
    public const string Groups = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    public const string Persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private const string P = "urn:oasis:names:tc:SAML:2.0:protocol";
    private const string A = "urn:oasis:names:tc:SAML:2.0:assertion";

    public X509Certificate2 Certificate { get; } = CreateCertificate("CN=test-idp");

    public SamlIdentityProvider Idp => new(IdpEntityId, [X509CertificateLoader.LoadCertificate(Certificate.RawData)]);

    public static X509Certificate2 CreateCertificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>An unsigned Response holding one assertion for <paramref name="nameId"/>.</summary>
    public static XmlDocument Build(
        DateTimeOffset now,
        string nameId = "persistent-alice",
        string nameIdFormat = Persistent,
        string[]? groups = null,
        string assertionId = "_assertion1",
        string audience = SpEntityId,
        string recipient = Acs,
        string destination = Acs,
        string issuer = IdpEntityId,
        TimeSpan? lifetime = null,
        DateTimeOffset? notBefore = null)
    {
        var until = Iso(now + (lifetime ?? TimeSpan.FromMinutes(5)));
        var groupValues = string.Concat((groups ?? ["developers"]).Select(g => $"<saml:AttributeValue>{g}</saml:AttributeValue>"));
        var xml = $"""
            <samlp:Response xmlns:samlp="{P}" xmlns:saml="{A}" ID="_response1" Version="2.0" IssueInstant="{Iso(now)}" Destination="{destination}"><saml:Issuer>{issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="{assertionId}" Version="2.0" IssueInstant="{Iso(now)}"><saml:Issuer>{issuer}</saml:Issuer><saml:Subject><saml:NameID Format="{nameIdFormat}">{nameId}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{until}" Recipient="{recipient}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{Iso(notBefore ?? now.AddSeconds(-5))}" NotOnOrAfter="{until}"><saml:AudienceRestriction><saml:Audience>{audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="{Iso(now)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement><saml:Attribute Name="{Groups}">{groupValues}</saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>
            """;
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document;
    }

    public static XmlElement Assertion(XmlDocument document) => (XmlElement)document.GetElementsByTagName("Assertion", A)[0]!;

    public static XmlElement NameId(XmlDocument document) => (XmlElement)document.GetElementsByTagName("NameID", A)[0]!;

    /// <summary>Signs <paramref name="target"/> (enveloped, exc-c14n, RSA-SHA256) over the element with <paramref name="referenceId"/> (its own ID by default).</summary>
    public void Sign(XmlElement target, X509Certificate2? certificate = null, string? referenceId = null, string signatureMethod = SignedXml.XmlDsigRSASHA256Url, string digest = SignedXml.XmlDsigSHA256Url)
    {
        var document = target.OwnerDocument;
        using var key = (certificate ?? Certificate).GetRSAPrivateKey()!;
        var signed = new SignedXml(document) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = signatureMethod;
        var reference = new Reference("#" + (referenceId ?? target.GetAttribute("ID"))) { DigestMethod = digest };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var info = new KeyInfo();
        info.AddClause(new KeyInfoX509Data(certificate ?? Certificate));
        signed.KeyInfo = info;
        signed.ComputeSignature();
        var issuer = target.GetElementsByTagName("Issuer", A).Cast<XmlElement>().First(e => e.ParentNode == target);
        target.InsertAfter(document.ImportNode(signed.GetXml(), true), issuer);
    }

    public static string Encode(XmlDocument document) => Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));

    /// <summary>Metadata (EntityDescriptor) naming the IdP and its signing certificate.</summary>
    public string Metadata() => $"""
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{IdpEntityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{Convert.ToBase64String(Certificate.RawData)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>
        """;

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
