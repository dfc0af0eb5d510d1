using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Hoop.Functions.Http;

/// <summary>SAML 2.0 assertion consumer service (route <see cref="GatewayRoutes.SamlAcs"/>); excluded from Easy Auth.</summary>
public sealed class SamlAcsFunction(SamlAcsEndpoint acs)
{
    [Function("SamlAcs")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "saml/acs")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await acs.HandleAsync(request.HttpContext);
        return new EmptyResult();
    }
}
