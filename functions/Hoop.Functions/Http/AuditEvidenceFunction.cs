using Hoop.Gateway.Hosting;
using Hoop.Gateway.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Hoop.Functions.Http;

/// <summary>Auditors' evidence report (route <see cref="GatewayRoutes.AuditEvidence"/>): hands the context to the core endpoint.</summary>
public sealed class AuditEvidenceFunction
{
    [Function("AuditEvidence")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/evidence")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await AuditEndpoints.EvidenceAsync(request.HttpContext);
        return new EmptyResult();
    }
}
