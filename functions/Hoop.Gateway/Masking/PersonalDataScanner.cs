using System.Net;
using System.Net.Sockets;

namespace Hoop.Gateway.Masking;

/// <summary>
/// E-mail addresses, IBANs (country length + mod-97) and public IP addresses. Private ranges stay (RFC 1918, loopback,
/// link-local, CGNAT 100.64/10, unspecified, IPv6 ULA / loopback / link-local); documentation ranges count as public.
/// </summary>
internal sealed class PersonalDataScanner(MaskingOptions options)
{
    private readonly bool _email = options.Rules.Email;
    private readonly bool _iban = options.Rules.Iban;
    private readonly bool _ip = options.Rules.IpAddress;

    public void Scan(ReadOnlySpan<char> text, SpanList spans)
    {
        if (_email)
        {
            ScanEmails(text, spans);
        }

        if (_ip)
        {
            if (text.Contains('.'))
            {
                ScanIpv4(text, spans);
            }

            if (text.Contains("::", StringComparison.Ordinal) || text.Count(':') >= 5)
            {
                ScanIpv6(text, spans);
            }
        }

        if (_iban && text.Length >= 15 && text.IndexOfAnyInRange('A', 'Z') >= 0)
        {
            ScanIbans(text, spans);
        }
    }

    private void ScanEmails(ReadOnlySpan<char> text, SpanList spans)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOf('@');
            if (found < 0)
            {
                return;
            }

            var at = offset + found;
            offset = at + 1;
            var start = at;
            while (start > 0 && (CharClass.IsAlnum(text[start - 1]) || text[start - 1] is '.' or '_' or '%' or '+' or '-'))
            {
                start--;
            }

            while (start < at && text[start] is '.' or '-' or '+')
            {
                start++;
            }

            var end = at + 1;
            var lastDot = -1;
            while (end < text.Length && (CharClass.IsAlnum(text[end]) || text[end] is '.' or '-'))
            {
                if (text[end] == '.')
                {
                    lastDot = end;
                }

                end++;
            }

            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
                lastDot = text[..end].LastIndexOf('.');
            }

            if (start == at || lastDot <= at + 1 || end - lastDot - 1 < 2 || !IsLetters(text[(lastDot + 1)..end]))
            {
                continue;
            }

            // git@github.com:org/repo is an ssh remote, not a person.
            if (text[start..at] is "git")
            {
                continue;
            }

            spans.TryAdd(new MaskSpan(start, end - start, MaskKind.Email, options.StyleOf(MaskKind.Email)));
            offset = end;
        }
    }

    private void ScanIpv4(ReadOnlySpan<char> text, SpanList spans)
    {
        var i = 0;
        Span<int> octets = stackalloc int[4];
        while (i < text.Length)
        {
            // Jump to the next digit (vectorised): most of a value is not an address.
            var digit = text[i..].IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                return;
            }

            i += digit;
            if (i > 0 && (CharClass.IsWord(text[i - 1]) || text[i - 1] == '.'))
            {
                i++;
                continue;
            }

            var start = i;
            var parts = 0;
            var ok = true;
            while (parts < 4)
            {
                var value = 0;
                var length = 0;
                while (i < text.Length && char.IsAsciiDigit(text[i]) && length < 4)
                {
                    value = (value * 10) + (text[i] - '0');
                    length++;
                    i++;
                }

                if (length is 0 or > 3 || value > 255 || (length > 1 && text[i - length] == '0'))
                {
                    ok = false;
                    break;
                }

                octets[parts++] = value;
                if (parts < 4)
                {
                    if (i >= text.Length || text[i] != '.')
                    {
                        ok = false;
                        break;
                    }

                    i++;
                }
            }

            if (!ok)
            {
                i = Math.Max(i, start + 1);
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                continue;
            }

            if (i < text.Length && (CharClass.IsWord(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
            {
                continue;
            }

            if (IsPublicV4(octets))
            {
                spans.TryAdd(new MaskSpan(start, i - start, MaskKind.IpAddress, options.StyleOf(MaskKind.IpAddress)));
            }
        }
    }

    private void ScanIpv6(ReadOnlySpan<char> text, SpanList spans)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!(char.IsAsciiHexDigit(text[i]) || text[i] == ':') || (i > 0 && (CharClass.IsWord(text[i - 1]) || text[i - 1] == ':')))
            {
                i++;
                continue;
            }

            var start = i;
            var colons = 0;
            while (i < text.Length && (char.IsAsciiHexDigit(text[i]) || text[i] is ':' or '.'))
            {
                colons += text[i] == ':' ? 1 : 0;
                i++;
            }

            var end = i;
            while (end > start && text[end - 1] is '.' or ':' && !(end - start >= 2 && text[end - 2] == ':'))
            {
                end--;
            }

            if (colons < 2 || (end < text.Length && CharClass.IsWord(text[end])))
            {
                continue;
            }

            if (IPAddress.TryParse(text[start..end], out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && IsPublicV6(address))
            {
                spans.TryAdd(new MaskSpan(start, end - start, MaskKind.IpAddress, options.StyleOf(MaskKind.IpAddress)));
            }
        }
    }

    private void ScanIbans(ReadOnlySpan<char> text, SpanList spans)
    {
        Span<char> compact = stackalloc char[34];
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            // Jump to the next capital (vectorised): an IBAN starts with its country code.
            var capital = text[i..].IndexOfAnyInRange('A', 'Z');
            if (capital < 0 || i + capital + 15 > text.Length)
            {
                return;
            }

            i += capital;
            if (!char.IsAsciiLetterUpper(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])
                || (i > 0 && CharClass.IsWord(text[i - 1])))
            {
                continue;
            }

            var length = Iban.LengthFor(text.Slice(i, 2));
            if (length == 0)
            {
                continue;
            }

            // Compact form or groups of four separated by single spaces.
            var count = 0;
            var j = i;
            while (j < text.Length && count < length)
            {
                var c = text[j];
                if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
                {
                    compact[count++] = c;
                    j++;
                }
                else if (c == ' ' && count % 4 == 0 && j + 1 < text.Length && CharClass.IsAlnum(text[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (count == length && CharClass.EndsToken(text, j) && Iban.IsValid(compact[..count]))
            {
                spans.TryAdd(new MaskSpan(i, j - i, MaskKind.Iban, options.StyleOf(MaskKind.Iban)));
                i = j;
            }
        }
    }

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPublicV4(ReadOnlySpan<int> o) => !(
        o[0] is 10 or 127 or 0
        || (o[0] == 172 && o[1] is >= 16 and <= 31)
        || (o[0] == 192 && o[1] == 168)
        || (o[0] == 169 && o[1] == 254)
        || (o[0] == 100 && o[1] is >= 64 and <= 127)
        || (o[0] == 255 && o[1] == 255 && o[2] == 255 && o[3] == 255));

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            Span<int> octets = stackalloc int[4];
            var bytes = address.MapToIPv4().GetAddressBytes();
            for (var k = 0; k < 4; k++)
            {
                octets[k] = bytes[k];
            }

            return IsPublicV4(octets);
        }

        var b = address.GetAddressBytes();
        var unspecified = b.AsSpan().IndexOfAnyExcept((byte)0) < 0;
        return !(unspecified || IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC);
    }
}
