using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.WebUtilities;

namespace Hoop.Gateway.Approvals;

/// <summary>A verified approval link: which approval it opens, until when, and its id (used once by the deciding POST).</summary>
public sealed record ApprovalLink(string ApprovalId, DateTimeOffset ExpiresAt, string LinkId);

/// <summary>
/// Signed links to the approval page, as sent in Teams cards and e-mail:
/// <c>{base}/approvals/{id}/page?link={token}[&amp;intent=approve|deny]</c>. The token is
/// <c>v1.{approvalId}.{expiresUnixSeconds}.{linkId}.{mac}</c>, with mac = HMAC-SHA256(key, the four fields before it), the
/// key read from the secret store (<see cref="SecretName"/>: Key Vault in Azure, the local store in the demo). A link
/// opens the page only (GET never decides); the deciding POST uses it once (<see cref="IApprovalLedger.TryUseLinkAsync"/>).
/// </summary>
public sealed class ApprovalLinks
{
    /// <summary>The secret holding the link key (base64, at least 32 bytes). A missing key is an error, never a reason to invent one.</summary>
    public const string SecretName = "approval-link-key";

    /// <summary>The query parameter carrying the token.</summary>
    public const string TokenParameter = "link";

    private const string Version = "v1";
    private readonly ISecretStore _secrets;
    private readonly GatewayAddress _address;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>Creates the link signer over the secret store that holds <see cref="SecretName"/>.</summary>
    public ApprovalLinks(ISecretStore secrets, GatewayAddress address, TimeProvider time)
    {
        _secrets = secrets;
        _address = address;
        _time = time;
    }

    /// <summary>The relative path of the approval page of <paramref name="approvalId"/>.</summary>
    public static string PagePath(string approvalId) => "/approvals/" + Uri.EscapeDataString(approvalId) + "/page";

    /// <summary>A new signed link to the page of <paramref name="approval"/>, expiring with it; <paramref name="intent"/> (approve, deny) only preselects.</summary>
    public async ValueTask<Uri> CreateAsync(ApprovalRequest approval, string? intent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (intent is not (null or "approve" or "deny"))
        {
            throw new ArgumentOutOfRangeException(nameof(intent), intent, "approve, deny or null");
        }

        var baseUrl = _address.BaseUrl ?? throw new InvalidOperationException($"The gateway's public URL is not known ({SettingNames.PublicBaseUrl}).");
        var token = await SignAsync(approval.ApprovalId, approval.ExpiresAt, Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(16)), cancellationToken);
        var query = "?" + TokenParameter + "=" + token + (intent is null ? "" : "&intent=" + intent);
        return new Uri(baseUrl, PagePath(approval.ApprovalId) + query);
    }

    /// <summary>Checks <paramref name="token"/> for approval <paramref name="approvalId"/>: signature (constant time), approval and expiry. Null when not valid.</summary>
    public async ValueTask<ApprovalLink?> VerifyAsync(string approvalId, string? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approvalId);
        if (token is null || token.Length > 512)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 5 || parts[0] != Version || parts[1] != approvalId
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || parts[3].Length == 0)
        {
            return null;
        }

        var expected = await SignAsync(parts[1], DateTimeOffset.FromUnixTimeSeconds(expires), parts[3], cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token)))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return _time.GetUtcNow() >= expiresAt ? null : new ApprovalLink(approvalId, expiresAt, parts[3]);
    }

    private async ValueTask<string> SignAsync(string approvalId, DateTimeOffset expiresAt, string linkId, CancellationToken cancellationToken)
    {
        var signed = string.Join('.', Version, approvalId, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), linkId);
        var mac = HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.UTF8.GetBytes(signed));
        return signed + "." + Base64UrlTextEncoder.Encode(mac);
    }

    private async ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } key)
        {
            return key;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is null)
            {
                var value = await _secrets.GetSecretAsync(SecretName, cancellationToken)
                    ?? throw new InvalidOperationException($"The secret store has no '{SecretName}' secret (docs/deploy.md: secrets).");
                var bytes = Convert.FromBase64String(value);
                if (bytes.Length < 32)
                {
                    throw new InvalidOperationException($"The '{SecretName}' secret must hold at least 32 bytes (base64).");
                }

                _key = bytes;
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
