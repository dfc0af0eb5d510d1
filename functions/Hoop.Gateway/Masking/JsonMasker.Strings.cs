using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Hoop.Gateway.Masking;

/// <summary>String values: decoded (the apiserver escapes <c>&amp;</c> as <c>\u0026</c>), scanned, re-encoded only when masked.</summary>
internal sealed partial class JsonMasker
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Values remembered as clean per response: at most this many (a direct-mapped table: ~1024 × 128 bytes).</summary>
    private const int CleanValueSlots = 1024;

    private const int CleanValueMaxLength = 128;

    private const int SeenOnceBits = 9;

    private const int SeenOnceSlots = 1 << SeenOnceBits;

    /// <summary>Unescaped values of this response the content rules found nothing in, seen at least twice (created on first use).</summary>
    private ByteAnswerCache? _cleanValues;

    /// <summary>Hashes of clean values seen once: only a value seen again is stored (unique names and uids would churn the table).</summary>
    private ulong[]? _seenOnce;

    /// <summary>Bytes that make a short value worth scanning: pair separators, e-mail, JSON, non-ASCII.</summary>
    private static readonly SearchValues<byte> Interesting = SearchValues.Create([(byte)'@', (byte)'=', (byte)':', (byte)'{', (byte)'[', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    /// <summary>The replacement token for a string in a normal context, or <see langword="null"/> to keep it.</summary>
    private byte[]? NormalReplacement(ref Utf8JsonReader reader, JsonFrame? frame)
    {
        var raw = reader.ValueSpan;
        var key = frame is { IsObject: true } ? frame.Key : JsonKey.Other;
        if (raw.Length < 5 && key != JsonKey.LastApplied)
        {
            return null;
        }

        var rules = _engine.Options.Rules;
        if (raw.Length > _engine.Options.MaxValueBytes)
        {
            return MaskToken.JsonString.ToArray();
        }

        if (key == JsonKey.Release && rules.Helm && raw.StartsWith("H4sI"u8))
        {
            // A gzip blob in base64 under "release": Helm release storage, masked whole (never decoded into the output).
            return MaskToken.JsonString.ToArray();
        }

        if (!reader.ValueIsEscaped && _engine.Scanner.HasCustomPatterns is false && key != JsonKey.LastApplied && !MightMatch(raw))
        {
            return null;
        }

        // A list repeats values (images, paths, node names, timestamps): one found clean before is clean again.
        var statusMessage = frame is { Context: JsonContext.SecretStatus } && key == JsonKey.Message;
        var memo = _embedLevel == 0 && !reader.ValueIsEscaped && key != JsonKey.LastApplied && !statusMessage && raw.Length <= CleanValueMaxLength;
        if (memo && _cleanValues is not null && _cleanValues.TryGet(raw, out _))
        {
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            int length;
            try
            {
                length = reader.ValueIsEscaped ? reader.CopyString(chars) : StrictUtf8.GetChars(raw, chars);
            }
            catch (Exception ex) when (ex is DecoderFallbackException or InvalidOperationException or ArgumentException)
            {
                // Invalid UTF-8 cannot be scanned reliably: masked whole.
                return MaskToken.JsonString.ToArray();
            }

            var value = chars.AsSpan(0, length);
            if (key == JsonKey.LastApplied && rules.EmbeddedJson)
            {
                return MaskEmbedded(value);
            }

            var masked = statusMessage ? MaskStatusMessage(value) : _lines.MaskText(value);
            if (masked is null && memo)
            {
                RememberClean(raw);
            }

            return masked is null ? null : EncodeString(masked);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>last-applied-configuration: parsed and masked recursively; too big, too deep or not JSON: masked whole.</summary>
    private byte[]? MaskEmbedded(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(value.ToString());
        if (utf8.Length > _engine.Options.MaxEmbeddedBytes || _embedLevel + 1 >= MaskingEngine.MaxEmbedLevel)
        {
            return MaskToken.JsonString.ToArray();
        }

        var masked = MaskDocument(_engine, _formatter, utf8, _embedLevel + 1, out var valid);
        if (!valid)
        {
            return MaskToken.JsonString.ToArray();
        }

        return masked is null ? null : EncodeString(Encoding.UTF8.GetString(masked));
    }

    /// <summary>
    /// A Status answering a request on Secrets can quote a value from the request (a json-patch copy of
    /// <c>/data/password</c> into a field that fails validation): every quoted or parenthesised part is masked.
    /// </summary>
    private string? MaskStatusMessage(ReadOnlySpan<char> message)
    {
        var result = new StringBuilder(message.Length);
        var changed = false;
        var i = 0;
        while (i < message.Length)
        {
            var c = message[i];
            var close = c switch
            {
                '"' => '"',
                '(' => ')',
                _ => '\0',
            };
            var end = close == '\0' ? -1 : message[(i + 1)..].IndexOf(close);
            if (end > 0)
            {
                result.Append(c).Append(MaskToken.Text).Append(close);
                changed = true;
                i += end + 2;
                continue;
            }

            result.Append(c);
            i++;
        }

        var text = result.ToString();
        return _lines.MaskText(text) ?? (changed ? text : null);
    }

    /// <summary>Whether the current token (a property name, or a <c>name</c> value) names a secret; decoded without allocating.</summary>
    private bool IsSecretName(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            // The hot path (every property name of a list): answered from the raw bytes, cached per name.
            return _engine.Scanner.Names.IsSecret(raw);
        }

        if (raw.Length > 256)
        {
            return _engine.Scanner.Names.IsSecret(reader.GetString());
        }

        Span<char> chars = stackalloc char[raw.Length];
        try
        {
            var length = reader.CopyString(chars);
            return _engine.Scanner.Names.IsSecret(chars[..length]);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Remembers a clean value once it was seen twice in this response (so the memo allocates only for repeated values).</summary>
    private void RememberClean(ReadOnlySpan<byte> raw)
    {
        _seenOnce ??= new ulong[SeenOnceSlots];
        var hash = Hash64(raw);
        ref var seen = ref _seenOnce[(int)(hash >> (64 - SeenOnceBits))];
        if (seen != hash)
        {
            seen = hash;
            return;
        }

        (_cleanValues ??= new ByteAnswerCache(CleanValueSlots, CleanValueMaxLength)).Set(raw, answer: true);
    }

    /// <summary>A 64-bit hash of a short value (only decides whether it was seen before; a collision stores a value early).</summary>
    private static ulong Hash64(ReadOnlySpan<byte> value)
    {
        var hash = 0xCBF29CE484222325UL ^ (ulong)value.Length;
        while (value.Length >= 8)
        {
            hash = (hash ^ System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(value)) * 0x9E3779B97F4A7C15UL;
            hash ^= hash >> 29;
            value = value[8..];
        }

        foreach (var b in value)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        hash ^= hash >> 32;
        return hash * 0xD6E8FEB86659FD93UL;
    }

    /// <summary>
    /// Whether an unescaped ASCII value could hold anything a content rule finds (the cheap prefilter): a separator of a
    /// pair, an <c>@</c>, JSON, seven digits, an address, or a token long enough to be a credential or an IBAN.
    /// </summary>
    private static bool MightMatch(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 15 || raw.IndexOfAny(Interesting) >= 0)
        {
            return true;
        }

        var digits = 0;
        foreach (var b in raw)
        {
            digits += (uint)(b - '0') <= 9 ? 1 : 0;
        }

        return digits >= 4;
    }

    /// <summary>A JSON string token (quotes included), escaped as Go's encoder does (HTML characters as \u00XX).</summary>
    internal static byte[] EncodeString(string value)
    {
        var builder = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(builder.Append('"').ToString());
    }
}
