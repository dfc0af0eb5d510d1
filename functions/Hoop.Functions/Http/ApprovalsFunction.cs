using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Hoop.Functions.Http;

/// <summary>Approvers' JSON API (routes <see cref="GatewayRoutes.Approvals"/> and <see cref="GatewayRoutes.ApprovalDecision"/>).</summary>
public sealed class ApprovalsFunction
{
    [Function("Approvals")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ApprovalEndpoints.ListAsync(request.HttpContext, client);
        return new EmptyResult();
    }

    [Function("ApprovalDecision")]
    public async Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{id}/decision")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ApprovalEndpoints.DecideAsync(request.HttpContext, id, client);
        return new EmptyResult();
    }
}
