using System.Xml;

namespace Hoop.Gateway.Identity;

/// <summary>Safe XML loading for SAML: no DTDs, no external resolution, whitespace kept (signatures cover it), size-bounded.</summary>
internal static class SamlXml
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Signature = "http://www.w3.org/2000/09/xmldsig#";

    private const long MaxCharacters = 1024 * 1024;

    public static XmlDocument Load(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = false,
            IgnoreProcessingInstructions = false,
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        document.Load(reader);
        return document;
    }

    /// <summary>The element's text when it is text only; null when it holds comments, elements or instructions (they could split a value).</summary>
    public static string? TextOnly(XmlElement element)
    {
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child.NodeType is not (XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
            {
                return null;
            }
        }

        return element.InnerText;
    }

    /// <summary>The direct children of <paramref name="parent"/> named <paramref name="localName"/> in <paramref name="ns"/>.</summary>
    public static List<XmlElement> Children(XmlElement parent, string ns, string localName)
        => [.. parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == localName && e.NamespaceURI == ns)];

    /// <summary>Every element in the document named <paramref name="localName"/> in <paramref name="ns"/>.</summary>
    public static List<XmlElement> All(XmlDocument document, string ns, string localName)
        => [.. document.GetElementsByTagName(localName, ns).OfType<XmlElement>()];
}
