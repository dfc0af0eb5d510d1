using Hoop.Gateway.Approvals;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Recording;
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
    /// Also maps <c>/healthz</c> and the auditors' endpoints.
    /// </summary>
    public static WebApplication UseHoopGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.Services.GetRequiredService<GatewayPipeline>();
        app.Use(next => context => GatewayPipeline.IsAgentRequest(context) ? pipeline.InvokeAsync(context) : next(context));
        app.MapGet(GatewayRoutes.Health, () => Results.Text("ok"));
        app.MapGet(GatewayRoutes.AuditExport, AuditEndpoints.ExportAsync);
        app.MapGet(GatewayRoutes.AuditSession, (HttpContext context, string id) => AuditEndpoints.SessionPageAsync(context, id));
        app.MapGet(GatewayRoutes.Approvals, (HttpContext context) => ApprovalEndpoints.ListAsync(context));
        app.MapPost(GatewayRoutes.ApprovalDecision, (HttpContext context, string id) => ApprovalEndpoints.DecideAsync(context, id));
        return app;
    }
}
