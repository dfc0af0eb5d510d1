using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Hoop.Functions.Http;

/// <summary>
/// Sessions for signed-in people: <c>POST /sessions</c> (start), <c>GET /sessions</c> (mine), <c>DELETE /sessions/{id}</c>
/// (end early). Behind Easy Auth; the gateway still signs the person in itself and refuses a request with no principal.
/// </summary>
public sealed class SessionsFunction(SessionsEndpoint sessions)
{
    /// <summary>
    /// Route: <see cref="GatewayRoutes.Sessions"/>. The Durable client is bound here because starting a session under a
    /// role with <c>sessionApproval</c> starts, joins or reads an approval (<see cref="AmbientDurableClient"/>).
    /// </summary>
    [Function("Sessions")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "sessions")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (AmbientDurableClient.Use(client))
        {
            await (HttpMethods.IsPost(request.Method) ? sessions.StartAsync(request.HttpContext) : sessions.ListAsync(request.HttpContext));
        }

        return new EmptyResult();
    }

    /// <summary>Route: <see cref="GatewayRoutes.Session"/>.</summary>
    [Function("EndSession")]
    public async Task<IActionResult> EndAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "sessions/{id}")] HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        await sessions.EndAsync(request.HttpContext, id);
        return new EmptyResult();
    }
}
