namespace Hoop.Gateway.Requests;

/// <summary>
/// The few Go string functions whose exact behaviour decides how the API server reads a request:
/// <c>strconv.ParseInt</c>, <c>strings.EqualFold</c>, <c>strings.ToLower</c> and Go's byte-wise string order.
/// </summary>
internal static class GoStrings
{
    /// <summary>Go's <c>strconv.ParseInt(s, 10, 64)</c>: an optional sign, then one or more ASCII digits, within <see cref="long"/>.</summary>
    public static bool TryParseInt64(string s, out long value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        if (i == s.Length)
        {
            return false;
        }

        ulong magnitude = 0;
        var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            if (magnitude > (limit - (ulong)(c - '0')) / 10)
            {
                return false;
            }

            magnitude = (magnitude * 10) + (ulong)(c - '0');
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>
    /// Go's <c>strings.EqualFold(s, asciiLower)</c> for an ASCII lower-case <paramref name="asciiLower"/>.
    /// Unicode simple case folding maps exactly two non-ASCII runes onto ASCII letters:
    /// U+017F LATIN SMALL LETTER LONG S (s) and U+212A KELVIN SIGN (k); so <c>"falſe"</c> equals <c>"false"</c>.
    /// </summary>
    public static bool EqualFold(string s, string asciiLower)
    {
        var j = 0;
        foreach (var c in s)
        {
            if (j == asciiLower.Length)
            {
                return false;
            }

            var t = asciiLower[j++];
            var folds = c == t
                || (char.IsAsciiLetterUpper(c) && (char)(c | 0x20) == t)
                || (c == '\u017F' && t == 's')
                || (c == '\u212A' && t == 'k');
            if (!folds)
            {
                return false;
            }
        }

        return j == asciiLower.Length;
    }

    /// <summary>
    /// Whether Go's <c>strings.ToLower(s)</c> equals <paramref name="asciiLower"/> (ASCII lower-case).
    /// Besides A–Z, <c>unicode.ToLower</c> maps two runes into ASCII: U+0130 (İ → i) and U+212A (K → k).
    /// </summary>
    public static bool ToLowerEquals(string s, string asciiLower)
    {
        if (s.Length != asciiLower.Length)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var lower = c switch
            {
                >= 'A' and <= 'Z' => (char)(c | 0x20),
                '\u0130' => 'i',
                '\u212A' => 'k',
                _ => c,
            };
            if (lower != asciiLower[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Compares two strings in the order Go sorts them (byte-wise on UTF-8, which is code-point order).
    /// Ordinal UTF-16 order differs only where a surrogate pair meets a character in U+E000–U+FFFF.
    /// </summary>
    public static int CompareByteOrder(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            return CodePointOrderKey(x).CompareTo(CodePointOrderKey(y));
        }

        return a.Length.CompareTo(b.Length);
    }

    // Moves surrogates above U+E000–U+FFFF so UTF-16 code units compare in code-point order.
    private static int CodePointOrderKey(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
