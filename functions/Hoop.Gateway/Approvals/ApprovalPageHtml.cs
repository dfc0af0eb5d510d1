using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The approval page's HTML and headers. Every value is HTML-encoded (names, annotations and bodies come from the agent);
/// the page has no script, and its policy forbids any (<see cref="ContentSecurityPolicy"/>).
/// </summary>
internal static class ApprovalPageHtml
{
    /// <summary>Nothing but inline styles; forms post only here; never framed; no base; no script at all.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string Style = "body{font:15px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}"
        + "table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.25rem .75rem .25rem 0}th{color:#555;font-weight:600}"
        + "pre{background:#f4f4f4;padding:.75rem;overflow:auto;white-space:pre-wrap;word-break:break-all}code{background:#f4f4f4}"
        + "button{font-size:1rem;padding:.5rem 1.25rem;margin-right:1rem}.approve{background:#1a7f37;color:#fff}.deny{background:#cf222e;color:#fff}"
        + ".preselected{outline:3px solid #0969da}textarea{width:100%;min-height:4rem}";

    /// <summary>Headers on every page response: CSP, no framing, no caching, no referrer (the link token is in the URL).</summary>
    public static void ApplyHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>Writes a whole page with <paramref name="statusCode"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, string title, string bodyHtml)
    {
        ArgumentNullException.ThrowIfNull(context);
        ApplyHeaders(context.Response);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + "<title>" + E(title) + "</title><style>" + Style + "</style></head><body><h1>" + E(title) + "</h1>" + bodyHtml + "</body></html>";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>A page that says one thing (refusals, outcomes).</summary>
    public static Task MessageAsync(HttpContext context, int statusCode, string title, string message)
        => WriteAsync(context, statusCode, title, "<p id=\"message\">" + E(message) + "</p>");

    /// <summary>The request and the approve / deny form.</summary>
    public static string Request(ApprovalView view, string approver, string link, string? intent, string csrf, string? cannotDecide)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Request;
        var html = new StringBuilder();
        html.Append("<p>Signed in as <strong id=\"approver\">").Append(E(approver)).Append("</strong>.</p>");
        html.Append("<table id=\"request\">");
        Row(html, "Requested by", r.Requester);
        Row(html, "Session", r.SessionId);
        Row(html, "Connection", r.Connection);
        html.Append("<tr><th>Request</th><td><code id=\"terms\">").Append(E(view.KubectlTerms)).Append("</code></td></tr>");
        Row(html, "Method and target", r.Method + " " + r.Target);
        if (r.ContentType.Length > 0)
        {
            Row(html, "Content-Type", r.ContentType);
        }

        Row(html, "Rule", r.Rule);
        if (!string.IsNullOrEmpty(r.Message))
        {
            Row(html, "Why approval", r.Message);
        }

        Row(html, "Approvers", string.Join(", ", r.ApproverGroups));
        Row(html, "Requested at", Time(r.RequestedAt));
        Row(html, "Expires at", Time(r.ExpiresAt));
        Row(html, "Approval", r.ApprovalId);
        html.Append("</table>");
        if (view.MaskedBody.Length > 0)
        {
            html.Append("<h2>Body (masked)</h2><pre id=\"body\">").Append(E(view.MaskedBody)).Append("</pre>");
        }

        if (cannotDecide is not null)
        {
            html.Append("<p id=\"notice\"><strong>You cannot decide this approval:</strong> ").Append(E(cannotDecide)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(E(ApprovalLinks.PagePath(r.ApprovalId))).Append("\">");
        Hidden(html, "link", link);
        Hidden(html, "csrf", csrf);
        html.Append("<p><label for=\"comment\">Comment (optional)</label><br><textarea id=\"comment\" name=\"comment\" maxlength=\"")
            .Append(ApprovalPage.MaxCommentChars.ToString(CultureInfo.InvariantCulture)).Append("\"></textarea></p><p>");
        Button(html, "approve", "Approve", intent, cannotDecide is not null);
        Button(html, "deny", "Deny", intent, cannotDecide is not null);
        html.Append("</p></form>");
        return html.ToString();
    }

    /// <summary>How an approval ended.</summary>
    public static string Outcome(ApprovalOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var html = new StringBuilder("<table id=\"outcome\">");
        Row(html, "Approval", outcome.ApprovalId);
        Row(html, "Outcome", outcome.Outcome);
        if (outcome.Approver is { } approver)
        {
            Row(html, "Decided by", approver);
        }

        if (!string.IsNullOrEmpty(outcome.Comment))
        {
            Row(html, "Comment", outcome.Comment);
        }

        Row(html, "At", Time(outcome.At));
        return html.Append("</table>").ToString();
    }

    private static void Row(StringBuilder html, string label, string value)
        => html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static void Hidden(StringBuilder html, string name, string value)
        => html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\">");

    private static void Button(StringBuilder html, string value, string label, string? intent, bool disabled)
        => html.Append("<button type=\"submit\" name=\"decision\" value=\"").Append(value).Append("\" id=\"").Append(value)
            .Append("\" class=\"").Append(value).Append(intent == value ? " preselected\" autofocus" : "\"").Append(disabled ? " disabled>" : ">")
            .Append(label).Append("</button>");

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
