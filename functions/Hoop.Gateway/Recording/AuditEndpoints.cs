using System.Globalization;
using Hoop.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The auditors' HTTP endpoints, shared by both hosts: <c>GET /audit/export</c> (streams JSONL or CSV) and
/// <c>GET /audit/sessions/{id}</c> (the read-only timeline page), <c>GET /audit/evidence</c> (the evidence report). Every caller is authenticated as an auditor first.
/// </summary>
public static class AuditEndpoints
{
    /// <summary><c>GET /audit/export?format=jsonl|csv&amp;session=&amp;user=&amp;from=&amp;to=</c>.</summary>
    public static async Task ExportAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = await AuthorizeAsync(context);
        if (reader is null)
        {
            return;
        }

        var query = context.Request.Query;
        var format = ((string?)query["format"] ?? "jsonl").ToLowerInvariant();
        if (format is not ("jsonl" or "csv") || !TryTime(query["from"], out var from) || !TryTime(query["to"], out var to))
        {
            await GatewayRefusal.BadRequest("format is jsonl or csv; from and to are RFC 3339 times").WriteAsync(context, context.RequestAborted);
            return;
        }

        context.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"hoop-audit.{format}\"";
        context.Response.Headers.CacheControl = "no-store";
        var exportQuery = new AuditExportQuery { SessionId = query["session"], User = query["user"], From = from, To = to };
        await new AuditExporter(reader).ExportAsync(exportQuery, format == "csv" ? AuditExportFormat.Csv : AuditExportFormat.Jsonl, context.Response.Body, cancellationToken: context.RequestAborted);
    }

    /// <summary>
    /// <c>GET /audit/evidence?from=T&amp;to=T&amp;format=html|json</c>: the evidence report of a period (self-contained
    /// HTML by default, or JSON per docs/compliance/evidence-report.schema.json).
    /// </summary>
    public static async Task EvidenceAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = await AuthorizeAsync(context);
        if (reader is null)
        {
            return;
        }

        var query = context.Request.Query;
        var format = ((string?)query["format"] ?? "html").ToLowerInvariant();
        if (format is not ("html" or "json") || !TryTime(query["from"], out var from) || !TryTime(query["to"], out var to) || from is null || to is null || from > to)
        {
            await GatewayRefusal.BadRequest("from and to are required RFC 3339 times (from <= to); format is html or json").WriteAsync(context, context.RequestAborted);
            return;
        }

        var services = context.RequestServices;
        var keys = await services.GetRequiredService<IJournalKeySource>().GetKeysAsync(context.RequestAborted);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var verifier = new JournalVerifier(reader, keys, services.GetService<IAnchorStore>(), time);
        var settings = EvidenceSettings.InForce(
            services.GetService<IOptions<GatewayOptions>>()?.Value ?? new GatewayOptions(),
            services.GetService<IOptions<JournalOptions>>()?.Value ?? new JournalOptions());
        var report = await new EvidenceReportBuilder(reader, verifier, time).BuildAsync(from.Value, to.Value, settings, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (format == "json")
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await EvidenceJson.WriteAsync(report, context.Response.Body, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        await context.Response.WriteAsync(EvidenceHtml.Render(report), context.RequestAborted);
    }

    /// <summary><c>GET /audit/sessions/{id}</c>: the session's timeline as a read-only page.</summary>
    public static async Task SessionPageAsync(HttpContext context, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = await AuthorizeAsync(context);
        if (reader is null)
        {
            return;
        }

        using var page = new StringWriter(CultureInfo.InvariantCulture);
        if (!await new SessionReplay(reader).WriteHtmlAsync(sessionId, page, context.RequestAborted))
        {
            await GatewayRefusal.NotFound("no such session in the journal").WriteAsync(context, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsync(page.ToString(), context.RequestAborted);
    }

    private static async Task<JournalReader?> AuthorizeAsync(HttpContext context)
    {
        var authenticator = context.RequestServices.GetRequiredService<IAuditorAuthenticator>();
        var result = await authenticator.AuthenticateAsync(context.Request, context.RequestAborted);
        if (!result.Succeeded)
        {
            await GatewayRefusal.Unauthorized(result.Failure ?? "not an auditor").WriteAsync(context, context.RequestAborted);
            return null;
        }

        var reader = context.RequestServices.GetService<JournalReader>();
        if (reader is null)
        {
            await GatewayRefusal.Unavailable("no audit journal is configured on this gateway").WriteAsync(context, context.RequestAborted);
        }

        return reader;
    }

    private static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (JournalTime.TryParse(value, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
