using System.Buffers;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Hand-written scanner for digit sequences (a regex is too slow on timestamped logs): card numbers (13–19 digits, spaces
/// or dashes, Luhn and an issuer range), US SSNs (AAA-GG-SSSS or space-separated, with the invalid ranges), and phone
/// numbers (validated by libphonenumber). A sequence glued to a word (<c>ORD-2025-000731</c>, <c>v1.2.3</c>, a UID
/// segment) or to a time (<c>2025-11-26 18:46</c>) is not personal data.
/// </summary>
internal sealed class NumberScanner(PhoneNumberCheck? phones, bool cards, bool ssns, MaskingOptions options)
{
    private static readonly SearchValues<string> PhoneContext = SearchValues.Create(["phone", "tel", "mobile", "cell", "fax", "call", "sms", "whatsapp", "contact"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> Starts = SearchValues.Create("0123456789+(");

    public void Scan(ReadOnlySpan<char> text, SpanList spans)
    {
        Span<byte> digits = stackalloc byte[24];
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(Starts);
            if (next < 0)
            {
                return;
            }

            i += next;
            var c = text[i];
            if (!char.IsAsciiDigit(c) && !(i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                continue;
            }

            var start = i;
            var end = ReadSequence(text, start, digits, out var count, out var groups, out var separator, out var mixed);
            i = Math.Max(end, start + 1);
            if (count < 7 || !StandsAlone(text, start, end))
            {
                continue;
            }

            var d = digits[..Math.Min(count, digits.Length)];
            var plus = text[start] == '+';
            if (cards && !plus && !mixed && separator != '.' && count is >= 13 and <= 19 && Luhn.HasIssuerPrefix(d) && Luhn.IsValid(d))
            {
                spans.TryAdd(new MaskSpan(start, end - start, MaskKind.Card, options.StyleOf(MaskKind.Card)));
                continue;
            }

            if (ssns && count == 9 && groups == 3 && !mixed && separator is '-' or ' ' && end - start == 11 && text[start + 3] == separator && IsValidSsn(d))
            {
                spans.TryAdd(new MaskSpan(start, end - start, MaskKind.Ssn, options.StyleOf(MaskKind.Ssn)));
                continue;
            }

            if (phones is not null && count <= 15 && LooksLikePhone(text, start, end, groups, separator, plus) && phones.IsPhoneNumber(text[start..end].ToString()))
            {
                spans.TryAdd(new MaskSpan(start, end - start, MaskKind.Phone, options.StyleOf(MaskKind.Phone)));
            }
        }
    }

    /// <summary>
    /// Reads digits with single separators (space, dash, dot, parentheses) between groups. Returns the end; the digits go
    /// to <paramref name="digits"/> (first 24), with their count, the number of groups and the separator (<c>\0</c> none).
    /// </summary>
    private static int ReadSequence(ReadOnlySpan<char> text, int start, Span<byte> digits, out int count, out int groups, out char separator, out bool mixed)
    {
        count = 0;
        groups = 0;
        separator = '\0';
        mixed = false;
        var i = start;
        if (text[i] is '+' or '(')
        {
            i++;
        }

        var end = i;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                break;
            }

            groups++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (count < digits.Length)
                {
                    digits[count] = (byte)(text[i] - '0');
                }

                count++;
                i++;
            }

            end = i;
            if (count > 24 || i >= text.Length)
            {
                break;
            }

            // One separator (", " style pairs such as ") " count as one), then digits must follow.
            var sep = text[i];
            var next = i + 1;
            if (sep == ')' && next < text.Length && text[next] is ' ' or '-')
            {
                next++;
            }
            else if (sep is ' ' or '-' && next < text.Length && text[next] == '(')
            {
                next++;
            }
            else if (sep is not (' ' or '-' or '.'))
            {
                break;
            }

            if (next >= text.Length || !char.IsAsciiDigit(text[next]))
            {
                if (sep == ')')
                {
                    end = i + 1;
                }

                break;
            }

            var normalized = sep is ')' or '(' ? ' ' : sep;
            if (separator == '\0')
            {
                separator = normalized;
            }
            else if (separator != normalized)
            {
                mixed = true;
            }

            i = next;
        }

        return end;
    }

    /// <summary>Not glued to a word, a version, a path or a time on either side.</summary>
    private static bool StandsAlone(ReadOnlySpan<char> text, int start, int end)
    {
        if (start > 0)
        {
            var before = text[start - 1];
            if (CharClass.IsWord(before) || (before is '-' or '.' or '/' or ':' && start > 1 && CharClass.IsAlnum(text[start - 2])))
            {
                return false;
            }
        }

        if (end < text.Length)
        {
            var after = text[end];
            if (CharClass.IsWord(after))
            {
                return false;
            }

            if (after is '-' or '.' or '/' or ':' && end + 1 < text.Length && CharClass.IsAlnum(text[end + 1]))
            {
                return false;
            }
        }

        return true;
    }

    private bool LooksLikePhone(ReadOnlySpan<char> text, int start, int end, int groups, char separator, bool plus)
    {
        if (plus || text[start] == '(')
        {
            return true;
        }

        if (groups >= 4 && separator == '.')
        {
            return false;
        }

        if (groups == 3 && separator is '-' or '.' or '/' && end - start == 10)
        {
            // 2025-11-26 or 2025.11.26: a date.
            return false;
        }

        if (groups >= 3)
        {
            return true;
        }

        if (groups == 2)
        {
            // Two groups are a version or a decimal (20251126.3) unless written as a national number: 0412 345678.
            return separator is ' ' or '-' && text[start] == '0';
        }

        // A bare run of digits is an id or a timestamp unless the text talks about phones just before it.
        return text[Math.Max(0, start - 32)..start].IndexOfAny(PhoneContext) >= 0;
    }

    /// <summary>The SSA's rules: area not 000, 666 or 900–999; group not 00; serial not 0000; and the advertised numbers.</summary>
    private static bool IsValidSsn(ReadOnlySpan<byte> d)
    {
        var area = (d[0] * 100) + (d[1] * 10) + d[2];
        var group = (d[3] * 10) + d[4];
        var serial = (d[5] * 1000) + (d[6] * 100) + (d[7] * 10) + d[8];
        if (area is 0 or 666 or >= 900 || group == 0 || serial == 0)
        {
            return false;
        }

        // 078-05-1120 (the Woolworth wallet card) and 219-09-9999 (a 1940 advertisement) were never valid.
        return !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999);
    }
}
