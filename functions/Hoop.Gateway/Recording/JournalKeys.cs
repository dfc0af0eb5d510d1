using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The journal's two HMAC keys, derived from one master secret (Key Vault in Azure, the local secret store in the demo):
/// one for the chain, one for body hashes. Keyed body hashes keep short secrets (a password in a Secret) from being
/// guessed by hashing candidates.
/// </summary>
internal sealed class JournalKeys
{
    /// <summary>The secret that holds the master key (base64, at least 32 bytes).</summary>
    public const string SecretName = "journal-chain-key";

    private readonly byte[] _chainKey;
    private readonly byte[] _bodyKey;

    public JournalKeys(ReadOnlySpan<byte> master)
    {
        if (master.Length < 32)
        {
            throw new ArgumentException("The journal key must be at least 32 bytes.", nameof(master));
        }

        _chainKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, info: Encoding.ASCII.GetBytes("hoop-journal-chain-v1"));
        _bodyKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, info: Encoding.ASCII.GetBytes("hoop-journal-body-v1"));
        var id = HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 8, info: Encoding.ASCII.GetBytes("hoop-journal-key-id-v1"));
        KeyId = Convert.ToHexStringLower(id);
    }

    /// <summary>A public identifier of the key (derived, not secret), written in session-start records for rotation.</summary>
    public string KeyId { get; }

    /// <summary>Parses the secret's value (base64).</summary>
    public static JournalKeys FromSecret(string value) => new(Convert.FromBase64String(value.Trim()));

    /// <summary>A new random master key, as the secret's value.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The chain value of a record: HMAC(key, previous chain value + canonical form of the record).</summary>
    public byte[] Chain(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> canonical)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _chainKey);
        hmac.AppendData(previous);
        hmac.AppendData(canonical);
        return hmac.GetHashAndReset();
    }

    /// <summary>The keyed hash of a whole body.</summary>
    public string HashBody(ReadOnlySpan<byte> body) => Convert.ToBase64String(HMACSHA256.HashData(_bodyKey, body));

    /// <summary>A keyed hash computed as a body streams.</summary>
    public IncrementalHash CreateBodyHash() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _bodyKey);

    /// <summary>The MAC of an anchor document.</summary>
    public string MacAnchor(ReadOnlySpan<byte> document)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _chainKey);
        hmac.AppendData("hoop-anchor-v1\n"u8);
        hmac.AppendData(document);
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }
}
