using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Recording;

/// <summary>The default until auditor sign-in lands: nobody is an auditor (401), so the journal is not readable over HTTP.</summary>
internal sealed class DenyAllAuditorAuthenticator : IAuditorAuthenticator
{
    public ValueTask<AuditorAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(AuditorAuthentication.Fail("auditor sign-in is not available on this gateway yet; use 'hoop audit export' with access to the journal"));
}
