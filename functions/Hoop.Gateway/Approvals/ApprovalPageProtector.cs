using System.Security.Cryptography;
using System.Text;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.WebUtilities;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Seals the approval page's cookies (the sign-in flow, the signed-in approver) with AES-256-GCM and makes its CSRF
/// tokens (HMAC-SHA256). Both keys are derived with HKDF from the link key in the secret store
/// (<see cref="ApprovalLinks.SecretName"/>: Key Vault in Azure), so every gateway instance accepts every other's cookies
/// and no key lives only in one process.
/// </summary>
internal sealed class ApprovalPageProtector
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly ISecretStore _secrets;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (byte[] Seal, byte[] Mac)? _keys;

    public ApprovalPageProtector(ISecretStore secrets) => _secrets = secrets;

    /// <summary>Seals <paramref name="payload"/> for <paramref name="purpose"/> (a value sealed for one purpose never opens for another).</summary>
    public async ValueTask<string> ProtectAsync(string purpose, byte[] payload, CancellationToken cancellationToken = default)
    {
        var (seal, _) = await KeysAsync(cancellationToken);
        var output = new byte[NonceBytes + payload.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(seal, TagBytes);
        aes.Encrypt(nonce, payload, output.AsSpan(NonceBytes, payload.Length), output.AsSpan(NonceBytes + payload.Length), Encoding.UTF8.GetBytes(purpose));
        return Base64UrlTextEncoder.Encode(output);
    }

    /// <summary>Opens a value sealed for <paramref name="purpose"/>; null when absent, tampered with or sealed for another purpose.</summary>
    public async ValueTask<byte[]?> UnprotectAsync(string purpose, string? value, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 8192)
        {
            return null;
        }

        byte[] input;
        try
        {
            input = Base64UrlTextEncoder.Decode(value);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var (seal, _) = await KeysAsync(cancellationToken);
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(seal, TagBytes);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, plain.Length), input.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(purpose));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>A MAC of <paramref name="data"/> (base64url), e.g. a CSRF token bound to a sign-in and an approval.</summary>
    public async ValueTask<string> MacAsync(string data, CancellationToken cancellationToken = default)
    {
        var (_, mac) = await KeysAsync(cancellationToken);
        return Base64UrlTextEncoder.Encode(HMACSHA256.HashData(mac, Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>Whether <paramref name="presented"/> is the MAC of <paramref name="data"/> (constant time).</summary>
    public async ValueTask<bool> VerifyMacAsync(string data, string? presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 128)
        {
            return false;
        }

        var expected = await MacAsync(data, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
    }

    private async ValueTask<(byte[] Seal, byte[] Mac)> KeysAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } keys)
        {
            return keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_keys is null)
            {
                var value = await _secrets.GetSecretAsync(ApprovalLinks.SecretName, cancellationToken)
                    ?? throw new InvalidOperationException($"The secret store has no '{ApprovalLinks.SecretName}' secret (docs/deploy.md: secrets).");
                var master = Convert.FromBase64String(value);
                _keys = (
                    HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "hoop approval page cookies v1"u8.ToArray()),
                    HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "hoop approval page csrf v1"u8.ToArray()));
            }

            return _keys.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
