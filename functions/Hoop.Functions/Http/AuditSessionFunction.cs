using Hoop.Gateway.Hosting;
using Hoop.Gateway.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Hoop.Functions.Http;

/// <summary>Auditors' session timeline page (route <see cref="GatewayRoutes.AuditSession"/>).</summary>
public sealed class AuditSessionFunction
{
    [Function("AuditSession")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/sessions/{id}")] HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        await AuditEndpoints.SessionPageAsync(request.HttpContext, id);
        return new EmptyResult();
    }
}
