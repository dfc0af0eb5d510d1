using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// The session feature's keys, derived (HKDF-SHA256) from one master secret kept in the secret store
/// (<see cref="SecretName"/>): one keys the token hashes the vault keeps, one signs the gateway's sign-in tickets.
/// </summary>
/// <remarks>
/// Because the vault holds <c>HMAC(key, token)</c> and never the token, reading the session secrets does not let anyone
/// act as a user; and without the key, a stolen hash cannot be tested against guesses offline.
/// </remarks>
public sealed class SessionKeys
{
    /// <summary>The secret that holds the master key (base64, at least 32 bytes).</summary>
    public const string SecretName = "session-token-key";

    private readonly byte[] _tokenKey;
    private readonly byte[] _ticketKey;

    public SessionKeys(ReadOnlySpan<byte> master)
    {
        if (master.Length < 32)
        {
            throw new ArgumentException("The session key must be at least 32 bytes.", nameof(master));
        }

        _tokenKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, info: "hoop-session-token-hash-v1"u8.ToArray());
        _ticketKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, info: "hoop-signin-ticket-v1"u8.ToArray());
    }

    /// <summary>Parses the secret's value (base64).</summary>
    public static SessionKeys FromSecret(string value) => new(Convert.FromBase64String(value.Trim()));

    /// <summary>A new random master key, as the secret's value.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The keyed hash of a session token, as the vault keeps it (base64url).</summary>
    public string HashToken(string token) => Base64Url.EncodeToString(HMACSHA256.HashData(_tokenKey, Encoding.UTF8.GetBytes(token)));

    /// <summary>The MAC of a sign-in ticket's payload.</summary>
    public byte[] MacTicket(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(_ticketKey, payload);
}
