using Hoop.Gateway.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Hoop.Functions.Http;

/// <summary>Liveness of the gateway (route <see cref="GatewayRoutes.Health"/>); never calls upstream.</summary>
public sealed class HealthFunction
{
    [Function("Health")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request)
        => new ContentResult { Content = "ok", ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };
}
