using System.Security.Cryptography.Xml;
using System.Xml;
using Hoop.Gateway.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using B = Hoop.Gateway.Tests.Support.SamlResponseBuilder;

namespace Hoop.Gateway.Tests.Identity;

/// <summary>
/// SAML responses signed here as an IdP would, then bent into the known attacks: the XML signature wrapping variants
/// (after Somorovsky et al., "On Breaking SAML", XSW1-XSW8), a second unsigned assertion, comments inside NameID, a
/// signature over a different element, and the usual time, audience, recipient and replay checks.
/// </summary>
public sealed class SamlResponseValidatorTests
{
    private const string A = "urn:oasis:names:tc:SAML:2.0:assertion";
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly B _idp = new();
    private readonly SamlResponseValidator _validator;

    public SamlResponseValidatorTests()
    {
        var options = Options.Create(new IdentityOptions { Saml = new SamlOptions { EntityId = B.SpEntityId } });
        _validator = new SamlResponseValidator(options, new SamlReplayCache(_time), _time);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private PersonAuthentication Validate(XmlDocument document) => _validator.Validate(B.Encode(document), _idp.Idp, B.Acs);

    private XmlDocument SignedAssertion(string nameId = "persistent-alice", string[]? groups = null)
    {
        var document = B.Build(Now, nameId, groups: groups);
        _idp.Sign(B.Assertion(document));
        return document;
    }

    [Fact]
    public void Validate_SignedAssertion_GivesTheSamePrincipalShapeAsOidc()
    {
        var result = Validate(SignedAssertion(groups: ["developers", "sre-leads"]));

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(B.IdpEntityId + "#persistent-alice", result.Person.User);
        Assert.Equal(["developers", "sre-leads"], result.Person.Groups);
        Assert.Equal(Now, result.Person.AuthTime);
        Assert.Equal("saml", result.Person.Method);
    }

    [Fact]
    public void Validate_SignedResponseOnly_IsAccepted()
    {
        var document = B.Build(Now);
        _idp.Sign(document.DocumentElement!);

        var result = Validate(document);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public void Validate_Unsigned_IsRefused()
    {
        Assert.Contains("not signed", Validate(B.Build(Now)).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChangedAfterSigning_IsRefused()
    {
        var document = SignedAssertion();
        B.NameId(document).InnerText = "persistent-admin";

        Assert.Contains("does not verify", Validate(document).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SignedByAnotherKey_IsRefused()
    {
        var document = B.Build(Now);
        _idp.Sign(B.Assertion(document), B.CreateCertificate("CN=attacker"));

        Assert.Contains("does not verify", Validate(document).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Sha1Signature_IsRefused()
    {
        var document = B.Build(Now);
        _idp.Sign(B.Assertion(document), signatureMethod: SignedXml.XmlDsigRSASHA1Url, digest: SignedXml.XmlDsigSHA1Url);

        Assert.Contains("not accepted", Validate(document).Failure, StringComparison.Ordinal);
    }

    public static TheoryData<string> WrappingVariants() =>
    [
        "XSW1-signed-response-moved-into-evil-response-signature",
        "XSW2-signed-response-detached-before-evil-signature",
        "XSW3-evil-assertion-before-signed-one-same-id",
        "XSW4-signed-assertion-inside-evil-assertion",
        "XSW5-evil-assertion-carries-the-signature-original-appended",
        "XSW6-original-inside-evil-assertions-signature",
        "XSW7-original-in-extensions-evil-assertion-direct",
        "XSW8-original-in-signature-object-of-evil-assertion",
        "second-unsigned-assertion",
        "signature-over-a-different-element",
        "signature-detached-from-what-it-signs",
    ];

    [Theory]
    [MemberData(nameof(WrappingVariants))]
    public void Validate_WrappingVariant_IsRefused(string variant)
    {
        var document = Wrap(variant);

        var result = Validate(document);

        Assert.False(result.Succeeded, $"{variant} was accepted as {result.Person?.User}");
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public void Validate_CommentInsideNameId_IsRefusedNotReadAround()
    {
        // Signed for "attacker.victim": exc-c14n drops comments, so the signature still verifies after the comment goes in.
        var document = SignedAssertion(nameId: "victim.attacker");
        var nameId = B.NameId(document);
        nameId.InnerXml = "victim<!---->.attacker";

        var result = Validate(document);

        Assert.False(result.Succeeded);
        Assert.Contains("plain text", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-recipient")]
    [InlineData("wrong-destination")]
    [InlineData("wrong-issuer")]
    [InlineData("email-name-id")]
    public void Validate_BadAssertion_IsRefused(string kind)
    {
        var document = kind switch
        {
            "expired" => B.Build(Now.AddMinutes(-10)),
            "not-yet-valid" => B.Build(Now, notBefore: Now.AddMinutes(5)),
            "wrong-audience" => B.Build(Now, audience: "https://other-sp.example"),
            "wrong-recipient" => B.Build(Now, recipient: "https://other-sp.example/acs"),
            "wrong-destination" => B.Build(Now, destination: "https://other-sp.example/acs"),
            "wrong-issuer" => B.Build(Now, issuer: "https://evil-idp.example"),
            "email-name-id" => B.Build(Now, nameId: "alice@example.com", nameIdFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        _idp.Sign(B.Assertion(document));

        Assert.False(Validate(document).Succeeded);
    }

    [Fact]
    public void Validate_SameAssertionTwice_SecondIsAReplay()
    {
        var document = SignedAssertion();

        var first = Validate(document);
        var second = Validate(document);

        Assert.True(first.Succeeded, first.Failure);
        Assert.Contains("replay", second.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SystemMastersGroup_Is403()
    {
        var result = Validate(SignedAssertion(groups: ["developers", "system:masters"]));

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public void Validate_DocumentTypeDeclaration_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + SignedAssertion().OuterXml;

        var result = _validator.Validate(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(xml)), _idp.Idp, B.Acs);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Metadata_Parse_ReadsEntityIdAndSigningCertificate()
    {
        var idp = SamlIdentityProvider.Parse(_idp.Metadata());

        Assert.Equal(B.IdpEntityId, idp.EntityId);
        Assert.Equal(_idp.Certificate.RawData, Assert.Single(idp.SigningCertificates).RawData);
    }

    /// <summary>Builds the attack: a legitimately signed response for alice, rearranged so an evil assertion (bob, sre-leads) would be read.</summary>
    private XmlDocument Wrap(string variant)
    {
        XmlDocument document;
        XmlElement response;
        XmlElement original;
        XmlElement Evil(XmlDocument d)
        {
            var evil = (XmlElement)B.Assertion(d).CloneNode(deep: true);
            foreach (var signature in evil.GetElementsByTagName("Signature", Ds).Cast<XmlElement>().ToList())
            {
                signature.ParentNode!.RemoveChild(signature);
            }

            evil.SetAttribute("ID", "_evil");
            ((XmlElement)evil.GetElementsByTagName("NameID", A)[0]!).InnerText = "persistent-bob";
            ((XmlElement)evil.GetElementsByTagName("AttributeValue", A)[0]!).InnerText = "sre-leads";
            return evil;
        }

        switch (variant)
        {
            case "XSW1-signed-response-moved-into-evil-response-signature":
            case "XSW2-signed-response-detached-before-evil-signature":
                {
                    var signed = B.Build(Now);
                    _idp.Sign(signed.DocumentElement!);
                    document = B.Build(Now, "persistent-bob", groups: ["sre-leads"], assertionId: "_evil");
                    response = document.DocumentElement!;
                    response.SetAttribute("ID", "_evil-response");
                    var copy = (XmlElement)document.ImportNode(signed.DocumentElement!, deep: true);
                    var signature = (XmlElement)copy.GetElementsByTagName("Signature", Ds)[0]!;
                    var moved = (XmlElement)signature.CloneNode(deep: true);
                    response.InsertAfter(moved, response.FirstChild);
                    if (variant.StartsWith("XSW1", StringComparison.Ordinal))
                    {
                        moved.AppendChild(copy);
                    }
                    else
                    {
                        response.InsertBefore(copy, moved);
                    }

                    return document;
                }

            case "XSW3-evil-assertion-before-signed-one-same-id":
                document = SignedAssertion();
                original = B.Assertion(document);
                var twin = Evil(document);
                twin.SetAttribute("ID", original.GetAttribute("ID"));
                document.DocumentElement!.InsertBefore(twin, original);
                return document;

            case "XSW4-signed-assertion-inside-evil-assertion":
                document = SignedAssertion();
                original = B.Assertion(document);
                var outer = Evil(document);
                document.DocumentElement!.ReplaceChild(outer, original);
                outer.AppendChild(original);
                return document;

            case "XSW5-evil-assertion-carries-the-signature-original-appended":
                document = SignedAssertion();
                original = B.Assertion(document);
                var evil5 = Evil(document);
                var sig5 = original.GetElementsByTagName("Signature", Ds)[0]!;
                evil5.InsertAfter(sig5.CloneNode(deep: true), evil5.FirstChild);
                original.RemoveChild(sig5);
                document.DocumentElement!.ReplaceChild(evil5, original);
                document.DocumentElement.AppendChild(original);
                return document;

            case "XSW6-original-inside-evil-assertions-signature":
                document = SignedAssertion();
                original = B.Assertion(document);
                var evil6 = Evil(document);
                var sig6 = (XmlElement)original.GetElementsByTagName("Signature", Ds)[0]!.CloneNode(deep: true);
                evil6.InsertAfter(sig6, evil6.FirstChild);
                document.DocumentElement!.ReplaceChild(evil6, original);
                sig6.AppendChild(original);
                return document;

            case "XSW7-original-in-extensions-evil-assertion-direct":
                document = SignedAssertion();
                original = B.Assertion(document);
                var extensions = document.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
                document.DocumentElement!.ReplaceChild(Evil(document), original);
                extensions.AppendChild(original);
                document.DocumentElement.InsertAfter(extensions, document.DocumentElement.FirstChild);
                return document;

            case "XSW8-original-in-signature-object-of-evil-assertion":
                document = SignedAssertion();
                original = B.Assertion(document);
                var evil8 = Evil(document);
                var sig8 = (XmlElement)original.GetElementsByTagName("Signature", Ds)[0]!.CloneNode(deep: true);
                var holder = document.CreateElement("ds", "Object", Ds);
                sig8.AppendChild(holder);
                evil8.InsertAfter(sig8, evil8.FirstChild);
                document.DocumentElement!.ReplaceChild(evil8, original);
                holder.AppendChild(original);
                return document;

            case "second-unsigned-assertion":
                document = SignedAssertion();
                document.DocumentElement!.AppendChild(Evil(document));
                return document;

            case "signature-over-a-different-element":
                {
                    // The assertion carries a signature, but over another element (here: the Status, given an ID).
                    document = B.Build(Now, "persistent-bob", groups: ["sre-leads"]);
                    var status = (XmlElement)document.GetElementsByTagName("Status", "urn:oasis:names:tc:SAML:2.0:protocol")[0]!;
                    status.SetAttribute("ID", "_status");
                    _idp.Sign(B.Assertion(document), referenceId: "_status");
                    return document;
                }

            case "signature-detached-from-what-it-signs":
                document = SignedAssertion();
                original = B.Assertion(document);
                var sig = original.GetElementsByTagName("Signature", Ds)[0]!;
                original.RemoveChild(sig);
                document.DocumentElement!.AppendChild(sig);
                return document;

            default:
                throw new ArgumentOutOfRangeException(nameof(variant));
        }
    }
}
