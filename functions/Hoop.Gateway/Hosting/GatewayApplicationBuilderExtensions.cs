using Hoop.Gateway.Approvals;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Gateway.Hosting;

/// <summary>Puts the gateway on an ASP.NET Core host (<c>hoop serve</c>). Adapts HTTP only; the pipeline does the work.</summary>
public static class GatewayApplicationBuilderExtensions
{
    /// <summary>
    /// Sends every request whose RAW target starts with <c>/k8s/</c> to the pipeline, before routing: routing sees the
    /// server-normalised path (dot segments removed), and an agent request must be judged on what was sent.
    /// Also maps <c>/healthz</c>, the session routes and the auditors' endpoints.
    /// </summary>
    public static WebApplication UseHoopGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.Services.GetRequiredService<GatewayPipeline>();
        app.Use(next => context => GatewayPipeline.IsAgentRequest(context) ? pipeline.InvokeAsync(context) : next(context));
        app.MapGet(GatewayRoutes.Health, () => Results.Text("ok"));
        var sessions = app.Services.GetRequiredService<SessionsEndpoint>();
        app.MapPost(GatewayRoutes.Sessions, sessions.StartAsync);
        app.MapGet(GatewayRoutes.Sessions, sessions.ListAsync);
        app.MapDelete(GatewayRoutes.Session, (HttpContext context, string id) => sessions.EndAsync(context, id));
        app.MapPost(GatewayRoutes.SamlAcs, app.Services.GetRequiredService<SamlAcsEndpoint>().HandleAsync).DisableAntiforgery();
        app.MapGet(GatewayRoutes.AuditExport, AuditEndpoints.ExportAsync);
        app.MapGet(GatewayRoutes.AuditEvidence, AuditEndpoints.EvidenceAsync);
        app.MapGet(GatewayRoutes.AuditSession, (HttpContext context, string id) => AuditEndpoints.SessionPageAsync(context, id));
        app.MapGet(GatewayRoutes.Approvals, (HttpContext context) => ApprovalEndpoints.ListAsync(context));
        app.MapPost(GatewayRoutes.ApprovalDecision, (HttpContext context, string id) => ApprovalEndpoints.DecideAsync(context, id));
        app.MapGet(GatewayRoutes.ApprovalPage, (HttpContext context, string id) => ApprovalPage.ShowAsync(context, id));
        app.MapPost(GatewayRoutes.ApprovalPage, (HttpContext context, string id) => ApprovalPage.DecideAsync(context, id)).DisableAntiforgery();
        app.MapGet(GatewayRoutes.ApprovalSignInCallback, ApprovalPage.SignInCallbackAsync);
        return app;
    }
}
