namespace Hoop.Gateway.Requests;

/// <summary>The lenient reading: what Go's HTTP server makes of a target, refusing nothing it accepts.</summary>
internal static partial class RequestTargetNormalizer
{
    /// <summary>
    /// The lenient reading Go's <c>net/url.ParseRequestURI</c> (as used by Go's HTTP server) makes of a target: the
    /// decoded path and the query by Go's rules, with no refusal of ambiguity. For <c>hoop explain</c>, to show the API
    /// server's reading of a request the gateway refuses.
    /// </summary>
    /// <returns>
    /// <see langword="false"/> where Go itself fails (a control character, an empty target, a relative path, an invalid
    /// escape in the path) or where its reading cannot be shown as text (bytes that are not UTF-8 after decoding).
    /// </returns>
    /// <remarks>
    /// Like <c>ParseRequestURI</c>, a <c>#</c> is not a fragment delimiter here: it stays in the path or query. The
    /// authority of an absolute-form target is skipped, not validated (Go refuses some malformed authorities).
    /// </remarks>
    public static bool TryReadLikeApiServer(string rawTarget, out string path, out QueryParameters query)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        path = "";
        query = QueryParameters.Empty;
        if (rawTarget.Length == 0 || rawTarget.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || rawTarget.Contains('\u007F', StringComparison.Ordinal))
        {
            return false;
        }

        if (rawTarget == "*")
        {
            path = "*";
            return true;
        }

        var rest = rawTarget.AsSpan();
        var schemeLength = SchemeLength(rest);
        if (schemeLength == 0)
        {
            return false; // Go: "missing protocol scheme"
        }

        var hasScheme = schemeLength > 0;
        if (hasScheme)
        {
            rest = rest[(schemeLength + 1)..];
        }

        var rawQuery = "";
        if (rest.EndsWith('?') && rest.Count('?') == 1)
        {
            rest = rest[..^1];
        }
        else if (rest.IndexOf('?') is var q and >= 0)
        {
            rawQuery = rest[(q + 1)..].ToString();
            rest = rest[..q];
        }

        if (!rest.StartsWith('/'))
        {
            if (!hasScheme)
            {
                return false; // Go: "invalid URI for request"
            }

            rest = []; // scheme:opaque has no path
        }
        else if (hasScheme && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest[2..].IndexOf('/');
            rest = slash < 0 ? [] : rest[(slash + 2)..];
        }

        if (GoPercentDecoding.Unescape(rest, plusIsSpace: false, out path) != GoUnescapeStatus.Ok)
        {
            path = "";
            return false;
        }

        query = QueryParameters.Parse(rawQuery);
        if (query.HasInvalidUtf8)
        {
            query = QueryParameters.Empty;
            return false;
        }

        return true;
    }

    // Go's getScheme: -1 when there is no scheme, 0 for a ':' first ("missing protocol scheme"), else the scheme's length.
    private static int SchemeLength(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return -1;
                }

                continue;
            }

            return c == ':' ? i : -1;
        }

        return -1;
    }
}
