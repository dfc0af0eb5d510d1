using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Hoop.Gateway.Identity;

/// <summary>A SAML identity provider as its metadata describes it: entity id and signing certificates.</summary>
public sealed class SamlIdentityProvider
{
    private const string MetadataNamespace = "urn:oasis:names:tc:SAML:2.0:metadata";
    private const string SignatureNamespace = "http://www.w3.org/2000/09/xmldsig#";

    public SamlIdentityProvider(string entityId, IReadOnlyList<X509Certificate2> signingCertificates)
    {
        EntityId = entityId;
        SigningCertificates = signingCertificates;
    }

    /// <summary>The IdP's entity id: the <c>Issuer</c> of its responses and assertions.</summary>
    public string EntityId { get; }

    /// <summary>The certificates whose keys may sign responses and assertions (never a key carried in a response).</summary>
    public IReadOnlyList<X509Certificate2> SigningCertificates { get; }

    /// <summary>Reads an <c>EntityDescriptor</c> with an <c>IDPSSODescriptor</c>.</summary>
    public static SamlIdentityProvider Parse(string metadataXml)
    {
        var document = SamlXml.Load(metadataXml);
        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("md", MetadataNamespace);
        namespaces.AddNamespace("ds", SignatureNamespace);
        var entity = document.SelectSingleNode("/md:EntityDescriptor", namespaces) as XmlElement
            ?? throw new FormatException("The SAML metadata has no EntityDescriptor root.");
        var certificates = entity
            .SelectNodes("md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate", namespaces)!
            .Cast<XmlNode>()
            .Select(n => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(n.InnerText.Trim())))
            .ToList();
        if (certificates.Count == 0)
        {
            throw new FormatException("The SAML metadata names no signing certificate of the IdP.");
        }

        return new SamlIdentityProvider(entity.GetAttribute("entityID"), certificates);
    }
}
