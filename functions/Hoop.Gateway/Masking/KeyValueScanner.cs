using System.Buffers;

namespace Hoop.Gateway.Masking;

/// <summary>
/// The field-name rule in text: <c>NAME=value</c>, <c>--name=value</c>, <c>key: value</c>, <c>"key": "value"</c> (also with
/// escaped quotes, as in JSON logged inside a string) and <c>key="value"</c>. The key decides (<see cref="SecretFieldNames"/>);
/// the value is masked whatever it looks like (no entropy floor), the key and the rest of the line stay.
/// </summary>
internal static class KeyValueScanner
{
    private static readonly SearchValues<char> Separators = SearchValues.Create("=:");

    public static void Scan(ReadOnlySpan<char> text, SecretFieldNames names, SpanList spans)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(Separators);
            if (found < 0)
            {
                return;
            }

            var at = offset + found;
            offset = CheckPair(text, at, names, spans);
        }
    }

    private static int CheckPair(ReadOnlySpan<char> text, int at, SecretFieldNames names, SpanList spans)
    {
        // The key: word characters (and . - /) before the separator, optionally quoted (", ', \").
        var keyEnd = at;
        var quoted = false;
        if (keyEnd > 0 && text[keyEnd - 1] is '"' or '\'')
        {
            keyEnd--;
            quoted = true;
            if (keyEnd > 0 && text[keyEnd - 1] == '\\')
            {
                keyEnd--;
            }
        }
        else
        {
            while (keyEnd > 0 && text[keyEnd - 1] == ' ' && text[at] == '=')
            {
                keyEnd--;
            }
        }

        var keyStart = keyEnd;
        while (keyStart > 0 && (CharClass.IsWord(text[keyStart - 1]) || text[keyStart - 1] is '-' or '.' or '/'))
        {
            keyStart--;
        }

        if (quoted && keyStart == keyEnd)
        {
            // A quoted key may hold other characters ("x-api key"): take everything back to the opening quote.
            var open = text[..keyEnd].LastIndexOfAny('"', '\'');
            if (open >= 0 && keyEnd - open < 64)
            {
                keyStart = open + 1;
            }
        }

        var key = text[keyStart..keyEnd].TrimStart('-');
        if (key.Length < 2 || !names.IsSecret(key))
        {
            return at + 1;
        }

        // A URL's scheme separator is not a pair ("token://" is not a key).
        if (text[at] == ':' && at + 2 < text.Length && text[at + 1] == '/' && text[at + 2] == '/')
        {
            return at + 1;
        }

        var start = at + 1;
        while (start < text.Length && text[start] is ' ' or '\t')
        {
            start++;
        }

        if (start >= text.Length)
        {
            return text.Length;
        }

        int end;
        var open2 = text[start];
        if (open2 is '"' or '\'' || (open2 == '\\' && start + 1 < text.Length && text[start + 1] == '"'))
        {
            var escapedQuote = open2 == '\\';
            start += escapedQuote ? 2 : 1;
            end = start;
            while (end < text.Length)
            {
                if (escapedQuote ? text[end] == '\\' && end + 1 < text.Length && text[end + 1] == '"' : text[end] == open2 && text[end - 1] != '\\')
                {
                    break;
                }

                end++;
            }
        }
        else if (open2 is '{' or '[' or '|' or '>')
        {
            // A nested object, list or YAML block scalar: the scanners of the nested values decide.
            return start;
        }
        else if (text[at] == ':' && IsYamlLine(text, keyStart))
        {
            // "password: two words # comment": the rest of the line is the value.
            end = text.Length;
            var comment = text[start..].IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0)
            {
                end = start + comment;
            }

            while (end > start && text[end - 1] is ' ' or '\t' or '\r')
            {
                end--;
            }
        }
        else
        {
            end = start;
            while (end < text.Length && text[end] is not (' ' or '\t' or '&' or ',' or ';' or '"' or '\'' or ')' or ']' or '}' or '\r' or '\n' or '\\'))
            {
                end++;
            }
        }

        if (end > start && !MaskToken.IsToken(text[start..end]))
        {
            spans.TryAdd(new MaskSpan(start, end - start, MaskKind.FieldName));
        }

        return Math.Max(end, at + 1);
    }

    /// <summary>Whether the key starts the line (after indentation or a YAML list dash): a YAML or config-file line.</summary>
    private static bool IsYamlLine(ReadOnlySpan<char> text, int keyStart)
    {
        var prefix = text[..keyStart].TrimStart();
        return prefix.Length == 0 || prefix is "- " or "-" || (prefix.Length <= 2 && prefix.Trim().SequenceEqual("-"));
    }
}
