using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// The just-in-time session token an agent presents on <c>/k8s/*</c>:
/// <c>hoopst_</c> + session id (24 hex) + <c>_</c> + 256 random bits (43 base64url) + checksum (8 base64url).
/// </summary>
/// <remarks>
/// The prefix makes a leaked token recognisable (secret scanners, log reviews). The checksum (the first 48 bits of
/// SHA-256 over the rest) is public, so anyone can tell a well-formed token from noise offline; the gateway checks it
/// before any Key Vault call, so a flood of random tokens costs nothing. Security rests on the 256 random bits alone:
/// the vault keeps only a keyed hash of the whole token (<see cref="SessionKeys.HashToken"/>).
/// </remarks>
public static class SessionToken
{
    /// <summary>The prefix every session token starts with.</summary>
    public const string Prefix = "hoopst_";

    private const int IdLength = 24;
    private const int SecretLength = 43;
    private const int ChecksumLength = 8;

    /// <summary>The length of every session token.</summary>
    public const int Length = 7 + IdLength + 1 + SecretLength + ChecksumLength;

    /// <summary>A new session id: 96 random bits as lower-case hex.</summary>
    public static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));

    /// <summary>Creates a new token for <paramref name="sessionId"/> (from <see cref="NewSessionId"/>).</summary>
    public static string Create(string sessionId)
    {
        if (!IsSessionId(sessionId))
        {
            throw new ArgumentException("A session id is 24 lower-case hex characters.", nameof(sessionId));
        }

        var body = Prefix + sessionId + "_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return body + Checksum(body);
    }

    /// <summary>Whether <paramref name="value"/> looks like a session token (prefix only: cheap, for routing refusals).</summary>
    public static bool HasPrefix(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// Reads the session id of a well-formed token whose checksum is right; false for anything else. Does no I/O.
    /// </summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out string? sessionId)
    {
        sessionId = null;
        if (token is null || token.Length != Length || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var id = token.Substring(Prefix.Length, IdLength);
        var secret = token.AsSpan(Prefix.Length + IdLength + 1, SecretLength);
        if (!IsSessionId(id) || !IsBase64Url(secret))
        {
            return false;
        }

        var body = token.AsSpan(0, Length - ChecksumLength);
        var expected = Encoding.ASCII.GetBytes(Checksum(body));
        var actual = Encoding.ASCII.GetBytes(token[^ChecksumLength..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return false;
        }

        sessionId = id;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a session id (24 lower-case hex characters).</summary>
    public static bool IsSessionId(string? value)
        => value is { Length: IdLength } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static string Checksum(ReadOnlySpan<char> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(body.ToArray()), hash);
        return Base64Url.EncodeToString(hash[..6]);
    }

    private static bool IsBase64Url(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
