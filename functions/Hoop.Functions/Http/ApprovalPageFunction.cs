using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Hoop.Functions.Http;

/// <summary>The approval page (route <see cref="GatewayRoutes.ApprovalPage"/>) and its browser sign-in callback (<see cref="GatewayRoutes.ApprovalSignInCallback"/>).</summary>
public sealed class ApprovalPageFunction
{
    [Function("ApprovalPage")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{id}/page")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ApprovalPage.ShowAsync(request.HttpContext, id, client);
        return new EmptyResult();
    }

    [Function("ApprovalPageDecision")]
    public async Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{id}/page")] HttpRequest request, string id, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ApprovalPage.DecideAsync(request.HttpContext, id, client);
        return new EmptyResult();
    }

    [Function("ApprovalSignInCallback")]
    public async Task<IActionResult> SignInCallbackAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/signin/callback")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ApprovalPage.SignInCallbackAsync(request.HttpContext);
        return new EmptyResult();
    }
}
