using Hoop.Gateway.Hosting;
using Hoop.Gateway.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Hoop.Functions.Http;

/// <summary>Auditors' export (route <see cref="GatewayRoutes.AuditExport"/>): hands the context to the core endpoint.</summary>
public sealed class AuditExportFunction
{
    [Function("AuditExport")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/export")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await AuditEndpoints.ExportAsync(request.HttpContext);
        return new EmptyResult();
    }
}
