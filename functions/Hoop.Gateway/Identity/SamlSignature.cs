using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Hoop.Gateway.Identity;

/// <summary>
/// Verifies one enveloped XML signature over one known element, with the IdP's metadata keys only. The signature must be
/// a direct child of the element it signs, have exactly one reference, and that reference must resolve to that very
/// element (resolution is pinned, so a reference to any other element fails); transforms, canonicalisation, digest and
/// signature algorithms come from short allow-lists (no SHA-1, no XSLT or XPath transforms).
/// </summary>
internal static class SamlSignature
{
    private static readonly HashSet<string> Transforms =
        [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigExcC14NWithCommentsTransformUrl];

    private static readonly HashSet<string> Canonicalizations = [SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigExcC14NWithCommentsTransformUrl];

    private static readonly HashSet<string> SignatureMethods =
    [
        SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigRSASHA384Url, SignedXml.XmlDsigRSASHA512Url,
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
    ];

    private static readonly HashSet<string> Digests = [SignedXml.XmlDsigSHA256Url, SignedXml.XmlDsigSHA384Url, SignedXml.XmlDsigSHA512Url];

    /// <summary>Null when <paramref name="signature"/> validly signs <paramref name="signed"/>; otherwise why not.</summary>
    public static string? Verify(XmlElement signed, XmlElement signature, IReadOnlyList<X509Certificate2> certificates)
    {
        var id = signed.GetAttribute("ID");
        if (id.Length == 0 || !ReferenceEquals(signature.ParentNode, signed))
        {
            return "a signature must sit directly inside the element it signs, which must have an ID";
        }

        var xml = new PinnedSignedXml(signed, id);
        try
        {
            xml.LoadXml(signature);
        }
        catch (CryptographicException)
        {
            return "the signature is malformed";
        }

        if (xml.SignedInfo is not { } info || info.References.Count != 1 || info.References[0] is not Reference reference)
        {
            return "a signature must have exactly one reference";
        }

        if (reference.Uri != "#" + id)
        {
            return "the signature covers a different element";
        }

        if (!Canonicalizations.Contains(info.CanonicalizationMethod) || !SignatureMethods.Contains(info.SignatureMethod ?? "")
            || !Digests.Contains(reference.DigestMethod) || !AllowedTransforms(reference.TransformChain))
        {
            return "the signature uses an algorithm or transform that is not accepted";
        }

        foreach (var certificate in certificates)
        {
            using var key = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey();
            try
            {
                if (key is not null && xml.CheckSignature(key))
                {
                    return null;
                }
            }
            catch (CryptographicException)
            {
                // Wrong key type for this signature, or a malformed value: try the next certificate.
            }
        }

        return "the signature does not verify with the identity provider's certificate";
    }

    private static bool AllowedTransforms(TransformChain chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i].Algorithm is not { } algorithm || !Transforms.Contains(algorithm))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Resolves only the expected id, to the expected element: a reference cannot be steered elsewhere.</summary>
    private sealed class PinnedSignedXml(XmlElement signed, string id) : SignedXml(signed.OwnerDocument)
    {
        public override XmlElement? GetIdElement(XmlDocument? document, string idValue)
            => string.Equals(idValue, id, StringComparison.Ordinal) ? signed : null;
    }
}
