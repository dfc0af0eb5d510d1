using System.Buffers;
using System.Text;

namespace Hoop.Gateway.Requests;

/// <summary>
/// Percent-decoding with the rules of Go's <c>net/url.unescape</c> (modes <c>encodePath</c> and
/// <c>encodeQueryComponent</c>), which is what the Kubernetes API server applies to every request.
/// </summary>
/// <remarks>
/// Go works on bytes; here a raw non-ASCII character stands for its UTF-8 bytes (what the client sent on the
/// wire), and the decoded bytes are turned back into a string only when they are valid UTF-8.
/// </remarks>
internal static class GoPercentDecoding
{
    private const int StackBufferSize = 256;

    /// <summary>Go's <c>ishex</c>.</summary>
    public static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>Go's <c>unhex</c>; call only when <see cref="IsHex"/> holds.</summary>
    public static int Unhex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>
    /// Decodes <paramref name="s"/> like Go's <c>url.unescape</c>: every <c>%XX</c> becomes the byte 0xXX,
    /// a <c>%</c> without two hexadecimal digits after it fails the whole component, and <c>+</c> becomes a space
    /// only when <paramref name="plusIsSpace"/> (query components: Go's <c>QueryUnescape</c>).
    /// </summary>
    public static GoUnescapeStatus Unescape(ReadOnlySpan<char> s, bool plusIsSpace, out string value)
    {
        var percents = 0;
        var hasPlus = false;
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                {
                    value = "";
                    return GoUnescapeStatus.InvalidEscape;
                }

                percents++;
                i += 3;
                continue;
            }

            hasPlus |= plusIsSpace && c == '+';
            i++;
        }

        if (percents == 0 && !hasPlus)
        {
            value = s.ToString();
            return HasLoneSurrogate(s) ? GoUnescapeStatus.InvalidUtf8 : GoUnescapeStatus.Ok;
        }

        // Upper bound of the decoded size: each char is at most 3 UTF-8 bytes, each %XX shrinks to one byte.
        var maxBytes = s.Length * 3;
        byte[]? rented = null;
        var buffer = maxBytes <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = 0;
            var lone = false;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '%')
                {
                    buffer[length++] = (byte)((Unhex(s[i + 1]) << 4) | Unhex(s[i + 2]));
                    i += 2;
                }
                else if (c == '+' && plusIsSpace)
                {
                    buffer[length++] = (byte)' ';
                }
                else if (c < 0x80)
                {
                    buffer[length++] = (byte)c;
                }
                else if (Rune.DecodeFromUtf16(s[i..], out var rune, out var consumed) == OperationStatus.Done)
                {
                    length += rune.EncodeToUtf8(buffer[length..]);
                    i += consumed - 1;
                }
                else
                {
                    lone = true;
                    buffer[length++] = 0xFF; // an invalid byte, so the result reads as invalid UTF-8
                }
            }

            var bytes = buffer[..length];
            value = Encoding.UTF8.GetString(bytes);
            return !lone && System.Text.Unicode.Utf8.IsValid(bytes) ? GoUnescapeStatus.Ok : GoUnescapeStatus.InvalidUtf8;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
