using System.Text.Json;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var approver = await AuthenticateAsync(context, deciding: true);
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
        return client is null ? services.GetService<ApprovalDesk>() : new ApprovalDesk(client, services.GetRequiredService<TimeProvider>(), services.GetService<IApprovalLedger>());
    }

    /// <summary>Signs the approver in exactly as people sign in to start sessions (OIDC, SAML ticket, Easy Auth); a decision also needs a recent sign-in.</summary>
    private static async Task<Approver?> AuthenticateAsync(HttpContext context, bool deciding = false)
    {
        var services = context.RequestServices;
        var authentication = await services.GetRequiredService<IPersonAuthenticator>().AuthenticateAsync(context.Request, context.RequestAborted);
        if (!authentication.Succeeded)
        {
            var refusal = authentication.StatusCode == StatusCodes.Status403Forbidden ? GatewayRefusal.Forbidden(authentication.Failure) : GatewayRefusal.Unauthorized(authentication.Failure);
            await refusal.WriteAsync(context, context.RequestAborted);
            return null;
        }

        var person = authentication.Person;
        if (deciding && RecentSignIn.Check(person, services.GetRequiredService<IOptions<IdentityOptions>>().Value, services.GetRequiredService<TimeProvider>()) is { } stale)
        {
            await GatewayRefusal.Unauthorized("deciding an approval " + stale).WriteAsync(context, context.RequestAborted);
            return null;
        }

        return new Approver(person.User, person.Groups);
    }

    private sealed record DecisionBody(string? Decision, string? Comment);
}
