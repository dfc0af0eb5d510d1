using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Writes the replacement for a masked span in its style. Pseudonyms are HMAC-SHA256 under a per-session key derived from
/// the configured key, so a value masks to the same token within a session (the agent can correlate) and to different
/// tokens across sessions. Without a key, pseudonyms fall back to redaction.
/// </summary>
internal sealed class MaskFormatter
{
    private readonly byte[]? _sessionKey;

    public MaskFormatter(ReadOnlySpan<byte> key, string sessionId)
    {
        if (!key.IsEmpty)
        {
            _sessionKey = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("hoop-mask-session\0" + sessionId));
        }
    }

    /// <summary>Whether pseudonyms are available (a key was configured).</summary>
    public bool HasKey => _sessionKey is not null;

    public string Replacement(ReadOnlySpan<char> value, MaskKind kind, MaskStyle style)
    {
        switch (style)
        {
            case MaskStyle.Partial:
                return Partial(value, kind);
            case MaskStyle.Pseudonym when _sessionKey is not null && kind is not (MaskKind.Secret or MaskKind.FieldName or MaskKind.Credential):
                return Pseudonym(value, kind);
            default:
                return MaskToken.Text;
        }
    }

    private static string Partial(ReadOnlySpan<char> value, MaskKind kind)
    {
        switch (kind)
        {
            case MaskKind.Email:
                var at = value.LastIndexOf('@');
                return at < 0 ? MaskToken.Text : MaskToken.Text + value[at..].ToString();
            case MaskKind.IpAddress:
                var dot = value.LastIndexOf('.');
                return dot < 0 ? MaskToken.Text : value[..(dot + 1)].ToString() + MaskToken.Text;
            case MaskKind.Iban:
                return value[..2].ToString() + MaskToken.Text + LastDigits(value, 4);
            default:
                return MaskToken.Text + LastDigits(value, 4);
        }
    }

    private static string LastDigits(ReadOnlySpan<char> value, int count)
    {
        Span<char> last = stackalloc char[count];
        var n = 0;
        for (var i = value.Length - 1; i >= 0 && n < count; i--)
        {
            if (char.IsAsciiLetterOrDigit(value[i]))
            {
                last[count - 1 - n] = value[i];
                n++;
            }
        }

        return new string(last[(count - n)..]);
    }

    private string Pseudonym(ReadOnlySpan<char> value, MaskKind kind)
    {
        // Normalise what does not change identity: case for e-mail, separators for numbers.
        var normalized = kind switch
        {
            MaskKind.Email => value.ToString().ToLowerInvariant(),
            MaskKind.Card or MaskKind.Phone or MaskKind.Ssn or MaskKind.Iban => new string([.. value.ToString().Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant(),
            _ => value.ToString(),
        };
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_sessionKey, Encoding.UTF8.GetBytes(kind + "\0" + normalized), hash);
        return "[" + kind.ToString().ToLowerInvariant() + ":" + Convert.ToHexStringLower(hash[..5]) + "]";
    }
}
