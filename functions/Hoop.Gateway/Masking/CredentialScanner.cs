using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Credentials recognised by their format anywhere in a value: JWTs, AWS access key ids and secret keys near AWS context,
/// GitHub / Slack / Vault / npm / GitLab / webhook tokens, Azure Storage keys and SAS signatures, URL passwords, the value
/// of <c>Authorization: Bearer|Basic</c>, and base64-encoded PEM private keys (plain PEM blocks span lines: see
/// <see cref="LineMasker"/>). Documented example credentials are masked like real ones (no <c>EXAMPLE</c> allow-list).
/// </summary>
/// <remarks>
/// One <see cref="SearchValues{T}"/> pass finds every trigger (the keyword prefilter); each trigger then runs a small
/// hand-written check, so a value without any trigger costs one vectorised search.
/// </remarks>
internal static class CredentialScanner
{
    private static readonly string[] Triggers =
    [
        "AKIA", "ASIA", "ABIA", "ACCA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xoxa-", "xoxb-", "xoxp-",
        "xoxr-", "xoxs-", "xoxe-", "xapp-", "hvs.", "hvb.", "hvr.", "npm_", "glpat-", "whsec_", "sk_live_", "rk_live_", "AIza",
        "eyJ", "LS0tLS1CRUdJTi", "hooks.slack.com/services/", "AccountKey=", "SharedAccessKey=", "sig=", "://",
        "Bearer ", "bearer ", "BEARER ", "Basic ", "basic ", "BASIC ",
    ];

    private static readonly SearchValues<string> TriggerValues = SearchValues.Create(Triggers, StringComparison.Ordinal);

    // SearchValues, not Contains(OrdinalIgnoreCase): the latter is not vectorised under invariant globalization.
    private static readonly SearchValues<string> Aws = SearchValues.Create(["aws"], StringComparison.OrdinalIgnoreCase);

    public static void Scan(ReadOnlySpan<char> text, SpanList spans)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(TriggerValues);
            if (found < 0)
            {
                break;
            }

            var at = offset + found;
            var next = Check(text, at, spans);
            offset = Math.Max(next, at + 1);
        }

        if (text.Length >= 40 && text.IndexOfAny(Aws) >= 0)
        {
            ScanAwsSecretKeys(text, spans);
        }
    }

    /// <summary>Checks the trigger at <paramref name="at"/>; returns where scanning continues.</summary>
    private static int Check(ReadOnlySpan<char> text, int at, SpanList spans)
    {
        var rest = text[at..];
        switch (rest[0])
        {
            case 'A' when rest.StartsWith("AccountKey=", StringComparison.Ordinal):
                return Value(text, at + "AccountKey=".Length, spans, static c => c is not (';' or '"' or '\'' or ' ' or '\t' or '&'), 8);
            case 'A' when rest.StartsWith("AIza", StringComparison.Ordinal):
                return Prefixed(text, at, 4, 30, CharClass.IsBase64Url, spans);
            case 'A':
                return AwsKeyId(text, at, spans);
            case 'S' when rest.StartsWith("SharedAccessKey=", StringComparison.Ordinal):
                return Value(text, at + "SharedAccessKey=".Length, spans, static c => c is not (';' or '"' or '\'' or ' ' or '\t' or '&'), 8);
            case 's' when rest.StartsWith("sig=", StringComparison.Ordinal):
                return at > 0 && CharClass.IsWord(text[at - 1]) ? at + 4
                    : Value(text, at + 4, spans, static c => c is not ('&' or '"' or '\'' or ' ' or '\t' or ';' or '<' or '>'), 10);
            case 's':
                return Prefixed(text, at, 8, 20, CharClass.IsAlnum, spans);
            case 'r':
                return Prefixed(text, at, 8, 20, CharClass.IsAlnum, spans);
            case 'g' when rest.StartsWith("github_pat_", StringComparison.Ordinal):
                return Prefixed(text, at, 11, 22, CharClass.IsWord, spans);
            case 'g' when rest.StartsWith("glpat-", StringComparison.Ordinal):
                return Prefixed(text, at, 6, 20, CharClass.IsBase64Url, spans);
            case 'g':
                return Prefixed(text, at, 4, 30, CharClass.IsAlnum, spans);
            case 'x':
                return Prefixed(text, at, 5, 10, static c => CharClass.IsAlnum(c) || c == '-', spans);
            case 'h' when rest.StartsWith("hooks.", StringComparison.Ordinal):
                return Value(text, at + "hooks.slack.com/services/".Length, spans, static c => CharClass.IsWord(c) || c is '/' or '-', 8);
            case 'h':
                return Prefixed(text, at, 4, 20, CharClass.IsBase64Url, spans);
            case 'n':
                return Prefixed(text, at, 4, 30, CharClass.IsAlnum, spans);
            case 'w':
                return Prefixed(text, at, 6, 20, CharClass.IsBase64, spans);
            case 'e':
                return Jwt(text, at, spans);
            case 'L':
                return EncodedPem(text, at, spans);
            case ':':
                return UserInfo(text, at, spans);
            case 'B' or 'b' when rest.Length > 1 && rest[1] is 'e' or 'E':
                return Value(text, at + 7, spans, static c => CharClass.IsBase64Url(c) || c is '.' or '~' or '+' or '/' or '=', 8, requireNonLetter: true);
            case 'B' or 'b':
                return Basic(text, at + 6, spans);
            default:
                return at + 1;
        }
    }

    /// <summary>A token that is a known prefix plus at least <paramref name="minBody"/> characters of its alphabet.</summary>
    private static int Prefixed(ReadOnlySpan<char> text, int at, int prefix, int minBody, Func<char, bool> body, SpanList spans)
    {
        if (!CharClass.StartsToken(text, at))
        {
            return at + 1;
        }

        var end = at + prefix;
        while (end < text.Length && body(text[end]))
        {
            end++;
        }

        if (end - at - prefix >= minBody)
        {
            spans.TryAdd(new MaskSpan(at, end - at, MaskKind.Credential));
        }

        return end;
    }

    /// <summary>The value after a marker (<c>AccountKey=</c>, <c>sig=</c>, <c>Bearer </c>): masked when long enough.</summary>
    private static int Value(ReadOnlySpan<char> text, int start, SpanList spans, Func<char, bool> allowed, int minLength, bool requireNonLetter = false)
    {
        if (start > text.Length)
        {
            return text.Length;
        }

        var end = start;
        var nonLetter = false;
        while (end < text.Length && allowed(text[end]))
        {
            nonLetter |= !char.IsAsciiLetter(text[end]);
            end++;
        }

        // "Bearer authentication" is prose; a bearer token has a digit or punctuation somewhere.
        if (end - start >= minLength && (!requireNonLetter || nonLetter) && !MaskToken.IsToken(text[start..end]))
        {
            spans.TryAdd(new MaskSpan(start, end - start, MaskKind.Credential));
        }

        return end;
    }

    private static int AwsKeyId(ReadOnlySpan<char> text, int at, SpanList spans)
    {
        if (!CharClass.StartsToken(text, at) || at + 20 > text.Length)
        {
            return at + 1;
        }

        for (var i = at + 4; i < at + 20; i++)
        {
            if (!(char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i])))
            {
                return at + 1;
            }
        }

        if (!CharClass.EndsToken(text, at + 20))
        {
            return at + 1;
        }

        spans.TryAdd(new MaskSpan(at, 20, MaskKind.Credential));
        return at + 20;
    }

    /// <summary>40 base64 characters, not all hex (a git SHA is hex), in a value that mentions AWS.</summary>
    private static void ScanAwsSecretKeys(ReadOnlySpan<char> text, SpanList spans)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!CharClass.IsBase64(text[i]) || text[i] == '=')
            {
                i++;
                continue;
            }

            var start = i;
            var hexOnly = true;
            var digits = 0;
            var letters = 0;
            while (i < text.Length && (CharClass.IsAlnum(text[i]) || text[i] is '+' or '/'))
            {
                hexOnly &= char.IsAsciiHexDigit(text[i]);
                digits += char.IsAsciiDigit(text[i]) ? 1 : 0;
                letters += char.IsAsciiLetter(text[i]) ? 1 : 0;
                i++;
            }

            if (i - start == 40 && !hexOnly && digits > 0 && letters > 0 && (start == 0 || !CharClass.IsBase64(text[start - 1])))
            {
                spans.TryAdd(new MaskSpan(start, 40, MaskKind.Credential));
            }
        }
    }

    private static int Jwt(ReadOnlySpan<char> text, int at, SpanList spans)
    {
        if (!CharClass.StartsToken(text, at))
        {
            return at + 1;
        }

        var end = at;
        var dots = 0;
        var segment = 0;
        var firstSegment = 0;
        while (end < text.Length && (CharClass.IsBase64Url(text[end]) || (text[end] == '.' && dots < 2)))
        {
            if (text[end] == '.')
            {
                if (segment == 0)
                {
                    break;
                }

                if (dots == 0)
                {
                    firstSegment = segment;
                }

                dots++;
                segment = 0;
            }
            else
            {
                segment++;
            }

            end++;
        }

        if (dots == 2 && firstSegment >= 10)
        {
            spans.TryAdd(new MaskSpan(at, end - at, MaskKind.Credential));
        }

        return end;
    }

    /// <summary>A base64 token that decodes to a PEM private key (kubeconfig <c>client-key-data</c>): masked whole.</summary>
    private static int EncodedPem(ReadOnlySpan<char> text, int at, SpanList spans)
    {
        if (at > 0 && CharClass.IsBase64(text[at - 1]))
        {
            return at + 1;
        }

        var end = at;
        while (end < text.Length && CharClass.IsBase64(text[end]))
        {
            end++;
        }

        // Decode only the head: the PEM label is in the first line.
        var head = text[at..Math.Min(end, at + 96)];
        head = head[..(head.Length / 4 * 4)];
        Span<byte> ascii = stackalloc byte[96];
        Span<byte> decoded = stackalloc byte[72];
        var count = Encoding.ASCII.GetBytes(head, ascii);
        if (Base64.DecodeFromUtf8(ascii[..count], decoded, out _, out var written, isFinalBlock: false) is OperationStatus.Done or OperationStatus.NeedMoreData
            && decoded[..written].IndexOf("PRIVATE KEY"u8) >= 0)
        {
            spans.TryAdd(new MaskSpan(at, end - at, MaskKind.Credential));
        }

        return end;
    }

    /// <summary><c>scheme://user:password@host</c>: the password; <c>scheme://key@host</c> (a DSN): the key.</summary>
    private static int UserInfo(ReadOnlySpan<char> text, int at, SpanList spans)
    {
        var schemeStart = at;
        while (schemeStart > 0 && (CharClass.IsAlnum(text[schemeStart - 1]) || text[schemeStart - 1] is '+' or '.' or '-'))
        {
            schemeStart--;
        }

        if (schemeStart == at || !char.IsAsciiLetter(text[schemeStart]))
        {
            return at + 1;
        }

        var start = at + 3;
        var end = start;
        var at2 = -1;
        var colon = -1;
        while (end < text.Length && text[end] is not (' ' or '\t' or '"' or '\'' or '<' or '>' or '\\' or '\n' or '\r'))
        {
            var c = text[end];
            if (c == '@')
            {
                at2 = end;
            }
            else if (c == ':' && colon < 0 && at2 < 0)
            {
                colon = end;
            }
            else if (c is '/' or '?' or '#' && colon < 0)
            {
                break;
            }

            end++;
        }

        if (at2 < 0)
        {
            return start;
        }

        if (colon > 0 && colon < at2)
        {
            if (at2 - colon - 1 > 0 && !MaskToken.IsToken(text[(colon + 1)..at2]))
            {
                spans.TryAdd(new MaskSpan(colon + 1, at2 - colon - 1, MaskKind.Credential));
            }
        }
        else if (at2 - start >= 16)
        {
            spans.TryAdd(new MaskSpan(start, at2 - start, MaskKind.Credential));
        }

        return at2 + 1;
    }

    /// <summary><c>Basic</c> credentials: base64 of <c>user:password</c>.</summary>
    private static int Basic(ReadOnlySpan<char> text, int start, SpanList spans)
    {
        if (start > text.Length)
        {
            return text.Length;
        }

        var end = start;
        while (end < text.Length && CharClass.IsBase64(text[end]))
        {
            end++;
        }

        var length = end - start;
        if (length < 8 || length % 4 != 0 || length > 4096)
        {
            return end;
        }

        var bytes = new byte[length];
        var decoded = new byte[length];
        Encoding.ASCII.GetBytes(text[start..end], bytes);
        if (Base64.DecodeFromUtf8(bytes, decoded, out _, out var written) == OperationStatus.Done && decoded.AsSpan(0, written).Contains((byte)':'))
        {
            spans.TryAdd(new MaskSpan(start, length, MaskKind.Credential));
        }

        return end;
    }
}
