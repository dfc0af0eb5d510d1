using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Hoop.Functions.Http;

/// <summary>Agent requests (<c>/k8s/{connection}/{**path}</c>): hands the HTTP context to the gateway pipeline.</summary>
public sealed class KubernetesFunction(GatewayPipeline pipeline)
{
    /// <summary>
    /// Route: <see cref="GatewayRoutes.Kubernetes"/> (Functions route syntax: one <c>*</c>). The Durable client is bound
    /// here because the approve stage may start, join or read an approval (<see cref="AmbientDurableClient"/>).
    /// </summary>
    [Function("Kubernetes")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "k8s/{connection}/{*path}")]
        HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (AmbientDurableClient.Use(client))
        {
            await pipeline.InvokeAsync(request.HttpContext);
        }

        return new EmptyResult();
    }
}
