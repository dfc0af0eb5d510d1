using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The demo's auditor (<c>hoop serve --demo</c>: carol, whose bearer token is in <c>DIR/auditor.token</c>). Compared in
/// constant time. Never used in Azure.
/// </summary>
public sealed class StaticTokenAuditorAuthenticator(string token, string auditor) : IAuditorAuthenticator
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public ValueTask<AuditorAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[7..].Trim()) : [];
        return ValueTask.FromResult(presented.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, _token)
            ? AuditorAuthentication.Success(auditor)
            : AuditorAuthentication.Fail("an auditor's bearer token is required"));
    }
}
