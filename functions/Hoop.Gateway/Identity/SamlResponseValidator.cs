using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Identity;

/// <summary>
/// Validates a SAML 2.0 <c>Response</c> posted to the assertion consumer service (HTTP-POST binding) and turns it into
/// the same <see cref="SignedInPerson"/> an OIDC sign-in gives.
/// </summary>
/// <remarks>
/// Against XML signature wrapping, the checks are structural before they are cryptographic: the root must be the
/// Response; every <c>ID</c> in the document must be unique; there must be exactly one Assertion in the whole document,
/// and it must be a direct child of the root; every signature must be a direct child of the Response or of that
/// Assertion and sign exactly that element (<see cref="SamlSignature"/>); at least one must be present and every one
/// present must verify. Values are then read only from that Assertion, and text values must be text only (a comment
/// inside NameID is refused, not read around). Then: issuer, audience, recipient/destination, time window with bounded
/// skew, bearer confirmation, and a replay cache. Guarded by <c>SamlResponseValidatorTests</c>.
/// </remarks>
internal sealed class SamlResponseValidator(IOptions<IdentityOptions> options, SamlReplayCache replays, TimeProvider time)
{
    private const string Success = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private const string Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private const string Persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private readonly TimeSpan _skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);

    /// <summary>Validates the base64 <c>SAMLResponse</c> form value for the ACS at <paramref name="acsUrl"/>.</summary>
    public PersonAuthentication Validate(string samlResponse, SamlIdentityProvider idp, string acsUrl)
    {
        ArgumentNullException.ThrowIfNull(idp);
        XmlDocument document;
        try
        {
            document = SamlXml.Load(Encoding.UTF8.GetString(Convert.FromBase64String(samlResponse)));
        }
        catch (Exception ex) when (ex is FormatException or XmlException)
        {
            return Refuse("the SAML response is not base64 XML");
        }

        return Check(document, idp, acsUrl) is { } failure ? Refuse(failure.Reason, failure.Code) : Read(document, idp);
    }

    private static PersonAuthentication Refuse(string reason, int code = 401)
        => code == 403 ? PersonAuthentication.Forbidden(reason) : PersonAuthentication.Unauthorized("SAML: " + reason);

    private (string Reason, int Code)? Check(XmlDocument document, SamlIdentityProvider idp, string acsUrl)
    {
        // :: Structure first: one Response, unique IDs, exactly one Assertion as its direct child.
        var response = document.DocumentElement;
        if (response is null || response.LocalName != "Response" || response.NamespaceURI != SamlXml.Protocol)
        {
            return ("the document is not a SAML Response", 401);
        }

        var ids = document.SelectNodes("//@ID | //@Id | //@id")!.Cast<XmlAttribute>().Select(a => a.Value).ToList();
        if (ids.Count != ids.Distinct(StringComparer.Ordinal).Count())
        {
            return ("the response repeats an ID", 401);
        }

        if (SamlXml.All(document, SamlXml.Assertion, "EncryptedAssertion").Count > 0)
        {
            return ("encrypted assertions are not accepted", 401);
        }

        var assertions = SamlXml.All(document, SamlXml.Assertion, "Assertion");
        if (assertions.Count != 1 || !ReferenceEquals(assertions[0].ParentNode, response))
        {
            return ("the response must hold exactly one assertion, directly", 401);
        }

        var assertion = assertions[0];

        // :: Signatures: each one directly inside the Response or the Assertion, over that element; at least one; all valid.
        var signatures = SamlXml.All(document, SamlXml.Signature, "Signature");
        if (signatures.Count == 0)
        {
            return ("the response is not signed", 401);
        }

        foreach (var signature in signatures)
        {
            var signed = ReferenceEquals(signature.ParentNode, response) ? response
                : ReferenceEquals(signature.ParentNode, assertion) ? assertion
                : null;
            if (signed is null)
            {
                return ("a signature sits outside the Response and the Assertion", 401);
            }

            if (SamlSignature.Verify(signed, signature, idp.SigningCertificates) is { } invalid)
            {
                return (invalid, 401);
            }
        }

        // :: The Response: success, from the IdP, to this ACS.
        var status = response.SelectSingleNode("*[local-name()='Status']/*[local-name()='StatusCode']") as XmlElement;
        if (status?.GetAttribute("Value") != Success)
        {
            return ("the identity provider did not report success", 401);
        }

        var destination = response.GetAttribute("Destination");
        if (destination.Length > 0 && !string.Equals(destination, acsUrl, StringComparison.Ordinal))
        {
            return ("the response is for another destination", 401);
        }

        foreach (var issuer in SamlXml.Children(response, SamlXml.Assertion, "Issuer").Concat(SamlXml.Children(assertion, SamlXml.Assertion, "Issuer")))
        {
            if (SamlXml.TextOnly(issuer)?.Trim() != idp.EntityId)
            {
                return ("the issuer is not the configured identity provider", 401);
            }
        }

        if (SamlXml.Children(assertion, SamlXml.Assertion, "Issuer").Count != 1)
        {
            return ("the assertion has no issuer", 401);
        }

        return CheckAssertion(assertion, acsUrl);
    }

    private (string Reason, int Code)? CheckAssertion(XmlElement assertion, string acsUrl)
    {
        var now = time.GetUtcNow();
        var conditions = SamlXml.Children(assertion, SamlXml.Assertion, "Conditions").SingleOrDefault();
        var notOnOrAfter = Time(conditions, "NotOnOrAfter");
        if (conditions is null || notOnOrAfter is null)
        {
            return ("the assertion has no validity window", 401);
        }

        if (Time(conditions, "NotBefore") is { } notBefore && notBefore > now + _skew)
        {
            return ("the assertion is not valid yet", 401);
        }

        if (notOnOrAfter <= now - _skew)
        {
            return ("the assertion has expired", 401);
        }

        var audiences = conditions.SelectNodes("*[local-name()='AudienceRestriction']/*[local-name()='Audience']")!.Cast<XmlElement>()
            .Select(a => SamlXml.TextOnly(a)?.Trim());
        if (!audiences.Contains(options.Value.Saml.EntityId, StringComparer.Ordinal))
        {
            return ("the assertion is not meant for this gateway (audience)", 401);
        }

        var subject = SamlXml.Children(assertion, SamlXml.Assertion, "Subject").SingleOrDefault();
        var confirmations = subject is null ? [] : SamlXml.Children(subject, SamlXml.Assertion, "SubjectConfirmation");
        var bearer = confirmations.Where(c => c.GetAttribute("Method") == Bearer)
            .Select(c => SamlXml.Children(c, SamlXml.Assertion, "SubjectConfirmationData").SingleOrDefault())
            .FirstOrDefault(d => d is not null
                && string.Equals(d.GetAttribute("Recipient"), acsUrl, StringComparison.Ordinal)
                && Time(d, "NotOnOrAfter") is { } until && until > now - _skew
                && (Time(d, "NotBefore") is not { } from || from <= now + _skew));
        if (bearer is null)
        {
            return ("the assertion has no bearer confirmation for this gateway's ACS (recipient, time)", 401);
        }

        if (!replays.TryUse(assertion.GetAttribute("ID"), notOnOrAfter.Value + _skew))
        {
            return ("the assertion was already used (replay)", 401);
        }

        return null;
    }

    private PersonAuthentication Read(XmlDocument document, SamlIdentityProvider idp)
    {
        var assertion = SamlXml.All(document, SamlXml.Assertion, "Assertion")[0];
        var attributes = assertion.SelectNodes("*[local-name()='AttributeStatement']/*[local-name()='Attribute']")!.Cast<XmlElement>().ToList();
        List<string?> Values(string name) => [.. attributes.Where(a => a.GetAttribute("Name") == name)
            .SelectMany(a => SamlXml.Children(a, SamlXml.Assertion, "AttributeValue")).Select(SamlXml.TextOnly)];

        // The person's immutable id: Entra's object id attribute, else a persistent NameID. Never an e-mail.
        var subject = Values(ObjectId).FirstOrDefault();
        if (subject is null)
        {
            var nameIds = assertion.SelectNodes("*[local-name()='Subject']/*[local-name()='NameID']")!.Cast<XmlElement>().ToList();
            if (nameIds.Count != 1 || SamlXml.TextOnly(nameIds[0]) is not { Length: > 0 } text)
            {
                return Refuse("the NameID must be exactly one plain text value (comments or markup inside it are refused)");
            }

            if (nameIds[0].GetAttribute("Format") != Persistent)
            {
                return Refuse("the person is named by neither an object id attribute nor a persistent NameID (e-mail addresses can change hands)");
            }

            subject = text.Trim();
        }

        var groups = Values(options.Value.Saml.GroupsAttribute);
        if (groups.Any(g => g is null))
        {
            return Refuse("a group value must be plain text");
        }

        if (GroupClaims.HasSystemGroup(groups!))
        {
            return PersonAuthentication.Forbidden(GroupClaims.SystemGroupRefused);
        }

        var authn = assertion.SelectSingleNode("*[local-name()='AuthnStatement']") as XmlElement;
        return PersonAuthentication.Success(new SignedInPerson(
            SignedInPerson.UserName(idp.EntityId, subject), idp.EntityId, subject, [.. groups.Select(g => g!.Trim()).Distinct(StringComparer.Ordinal)], Time(authn, "AuthnInstant"), "saml"));
    }

    private static DateTimeOffset? Time(XmlElement? element, string attribute)
        => element is not null && DateTimeOffset.TryParse(element.GetAttribute(attribute), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
