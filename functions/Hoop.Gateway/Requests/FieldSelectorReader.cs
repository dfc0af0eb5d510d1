namespace Hoop.Gateway.Requests;

/// <summary>
/// A port of the parts of <c>k8s.io/apimachinery/pkg/fields</c> (<c>ParseSelector</c>, <c>RequiresExactMatch</c>)
/// that decide whether a list or watch is narrowed to one named object.
/// </summary>
internal static class FieldSelectorReader
{
    /// <summary>
    /// Parses <paramref name="selector"/> like <c>fields.ParseSelector</c> and, when it parses, returns the value of the
    /// first <c>field=value</c> / <c>field==value</c> term on <paramref name="field"/> in Go's sorted term order
    /// (<c>RequiresExactMatch</c>), or <see langword="null"/> when there is none.
    /// </summary>
    /// <returns><see langword="false"/> when Go's parser returns an error.</returns>
    public static bool TryGetExactMatch(string selector, string field, out string? value)
    {
        value = null;
        var terms = SplitTerms(selector);

        // Go sorts the raw terms (sort.StringSlice: byte order) before building the selector,
        // so with several terms on the same field the smallest term wins.
        terms.Sort(GoStrings.CompareByteOrder);
        string? match = null;
        foreach (var term in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }

            if (!TrySplitTerm(term, out var lhs, out var op, out var rhs) || !TryUnescapeValue(rhs, out var unescaped))
            {
                return false;
            }

            // A "has" term (= or ==) on the field; "!=" never requires an exact match. A term whose field and value
            // are both empty becomes Everything() in Go and is dropped, which cannot match a non-empty field.
            if (match is null && op != "!=" && string.Equals(lhs, field, StringComparison.Ordinal))
            {
                match = unescaped;
            }
        }

        value = match;
        return true;
    }

    // fields.splitTerms: split on commas not escaped by a backslash; escapes stay in the terms.
    private static List<string> SplitTerms(string selector)
    {
        var terms = new List<string>(1);
        if (selector.Length == 0)
        {
            return terms;
        }

        var start = 0;
        var inSlash = false;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (inSlash)
            {
                inSlash = false;
            }
            else if (c == '\\')
            {
                inSlash = true;
            }
            else if (c == ',')
            {
                terms.Add(selector[start..i]);
                start = i + 1;
            }
        }

        terms.Add(selector[start..]);
        return terms;
    }

    // fields.splitTerm: the first position where "!=", "==" or "=" (in that preference) starts.
    private static bool TrySplitTerm(string term, out string lhs, out string op, out string rhs)
    {
        for (var i = 0; i < term.Length; i++)
        {
            var remaining = term.AsSpan(i);
            foreach (var candidate in (ReadOnlySpan<string>)["!=", "==", "="])
            {
                if (remaining.StartsWith(candidate, StringComparison.Ordinal))
                {
                    lhs = term[..i];
                    op = candidate;
                    rhs = term[(i + candidate.Length)..];
                    return true;
                }
            }
        }

        lhs = op = rhs = "";
        return false;
    }

    // fields.UnescapeValue: \\ \, \= are escapes; any other escape, a bare ',' or '=', or a trailing '\' is an error.
    private static bool TryUnescapeValue(string s, out string value)
    {
        if (s.AsSpan().IndexOfAny('\\', ',', '=') < 0)
        {
            value = s;
            return true;
        }

        var builder = new System.Text.StringBuilder(s.Length);
        var inSlash = false;
        foreach (var c in s)
        {
            if (inSlash)
            {
                if (c is not ('\\' or ',' or '='))
                {
                    value = "";
                    return false;
                }

                builder.Append(c);
                inSlash = false;
                continue;
            }

            switch (c)
            {
                case '\\':
                    inSlash = true;
                    break;
                case ',' or '=':
                    value = "";
                    return false;
                default:
                    builder.Append(c);
                    break;
            }
        }

        value = builder.ToString();
        return !inSlash;
    }
}
