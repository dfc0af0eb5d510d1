using System.Text.Json;
using Hoop.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The approvers' JSON API, shared by both hosts: <c>GET /approvals?state=pending</c> and
/// <c>POST /approvals/{id}/decision</c> <c>{"decision": "approve"|"deny", "comment": "..."}</c>. Bearer-authenticated.
/// </summary>
public static class ApprovalEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly GatewayRefusal NotEnabled = GatewayRefusal.NotFound("approvals are not enabled on this gateway");

    /// <summary><c>GET /approvals?state=pending</c>: the approvals waiting for a decision.</summary>
    public static async Task ListAsync(HttpContext context, DurableTaskClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var desk = Desk(context, client);
        if (desk is null)
        {
            await NotEnabled.WriteAsync(context, context.RequestAborted);
            return;
        }

        if (await AuthenticateAsync(context) is null)
        {
            return;
        }

        if (context.Request.Query["state"] is { Count: > 0 } state && state != "pending")
        {
            await GatewayRefusal.BadRequest("only state=pending is listed").WriteAsync(context, context.RequestAborted);
            return;
        }

        var pending = await desk.ListPendingAsync(context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(pending, Json, context.RequestAborted);
    }

    /// <summary><c>POST /approvals/{id}/decision</c>: approve or deny, as the bearer token's person.</summary>
    public static async Task DecideAsync(HttpContext context, string id, DurableTaskClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var desk = Desk(context, client);
        if (desk is null)
        {
            await NotEnabled.WriteAsync(context, context.RequestAborted);
            return;
        }

        var approver = await AuthenticateAsync(context);
        if (approver is null)
        {
            return;
        }

        DecisionBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<DecisionBody>(Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.Decision is not ("approve" or "deny"))
        {
            await GatewayRefusal.BadRequest("send {\"decision\": \"approve\" or \"deny\", \"comment\": \"...\"}").WriteAsync(context, context.RequestAborted);
            return;
        }

        var result = await desk.DecideAsync(id, approver, body.Decision == "approve", body.Comment, context.RequestAborted);
        context.Response.StatusCode = result.StatusCode;
        await context.Response.WriteAsJsonAsync(new { id, message = result.Message }, Json, context.RequestAborted);
    }

    private static ApprovalDesk? Desk(HttpContext context, DurableTaskClient? client)
    {
        var services = context.RequestServices;
        return client is null ? services.GetService<ApprovalDesk>() : new ApprovalDesk(client, services.GetRequiredService<TimeProvider>());
    }

    private static async Task<Approver?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var authenticator = context.RequestServices.GetService<IApproverAuthenticator>() ?? new DenyAllApproverAuthenticator();
        var approver = await authenticator.AuthenticateAsync(token, context.RequestAborted);
        if (approver is null)
        {
            await GatewayRefusal.Unauthorized("sign in as an approver: send your token as 'Authorization: Bearer ...'").WriteAsync(context, context.RequestAborted);
        }

        return approver;
    }

    private sealed record DecisionBody(string? Decision, string? Comment);
}
