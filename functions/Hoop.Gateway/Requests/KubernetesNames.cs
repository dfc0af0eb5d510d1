namespace Hoop.Gateway.Requests;

/// <summary>
/// The name checks of <c>k8s.io/apimachinery/pkg/api/validate/content</c> that the request reading depends on,
/// written without regular expressions (the rules are small and this runs per request).
/// </summary>
internal static class KubernetesNames
{
    private const int LabelNameMaxLength = 63;
    private const int LabelValueMaxLength = 63;
    private const int Dns1123SubdomainMaxLength = 253;

    /// <summary>
    /// <c>content.IsPathSegmentName</c> (formerly <c>path.IsValidPathSegmentName</c>): not <c>.</c> or <c>..</c>,
    /// and no <c>/</c> or <c>%</c>. The empty string passes, as in Go.
    /// </summary>
    public static bool IsPathSegmentName(string name) =>
        name is not ("." or "..") && name.AsSpan().IndexOfAny('/', '%') < 0;

    /// <summary><c>content.IsLabelKey</c>: an optional DNS-1123 subdomain prefix and <c>/</c>, then a name of at most 63 characters.</summary>
    public static bool IsLabelKey(string value)
    {
        var span = value.AsSpan();
        var slash = span.IndexOf('/');
        var name = span;
        if (slash >= 0)
        {
            var prefix = span[..slash];
            name = span[(slash + 1)..];
            if (name.Contains('/') || prefix.IsEmpty || !IsDns1123Subdomain(prefix))
            {
                return false;
            }
        }

        return !name.IsEmpty && name.Length <= LabelNameMaxLength && IsQualifiedNamePart(name);
    }

    /// <summary><c>content.IsLabelValue</c>: empty, or at most 63 characters shaped like a label key's name.</summary>
    public static bool IsLabelValue(string value) =>
        value.Length == 0 || (value.Length <= LabelValueMaxLength && IsQualifiedNamePart(value));

    /// <summary><c>content.IsDNS1123Subdomain</c>: lower-case RFC 1123 labels joined by dots, at most 253 characters.</summary>
    public static bool IsDns1123Subdomain(ReadOnlySpan<char> value)
    {
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            return false;
        }

        // [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*
        foreach (var range in value.Split('.'))
        {
            var label = value[range];
            if (label.IsEmpty || !IsLowerAlphanumeric(label[0]) || !IsLowerAlphanumeric(label[^1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsLowerAlphanumeric(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    // ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
    private static bool IsQualifiedNamePart(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
