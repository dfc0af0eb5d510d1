using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Decides whether an HTTP caller is an auditor (may export and replay the journal). The seam the identity issue fills
/// with sign-in and the policy's <c>auditors</c> groups; until then Azure refuses everyone and the demo accepts its
/// auditor's token.
/// </summary>
public interface IAuditorAuthenticator
{
    ValueTask<AuditorAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default);
}
