using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// The approval e-mail: multipart/alternative, plain text and HTML with the same content. Every value is made inert
/// (<see cref="InertText"/>: no client auto-links it) and HTML-encoded in the HTML part; the Subject has no line break an
/// agent could smuggle in; the only links are the gateway's three signed page links.
/// </summary>
public static class ApprovalEmail
{
    /// <summary>The message from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static MimeMessage Create(ApprovalMessage message, string from, IReadOnlyList<string> to)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(to);
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to)
        {
            mail.To.Add(MailboxAddress.Parse(address));
        }

        mail.Subject = "Approval needed: " + InertText.Header(message.Command) + " (" + message.ApprovalId + ")";
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Body = new BodyBuilder { TextBody = Text(message), HtmlBody = Html(message) }.ToMessageBody();
        return mail;
    }

    /// <summary>The plain-text part.</summary>
    public static string Text(ApprovalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        text.Append("Approval needed: ").AppendLine(InertText.Line(message.Command)).AppendLine();
        foreach (var fact in message.Facts)
        {
            text.Append(fact.Label).Append(": ").AppendLine(InertText.Line(fact.Value));
        }

        if (message.Workload.Count > 0)
        {
            text.AppendLine().AppendLine("What the workload would run:");
            foreach (var fact in message.Workload)
            {
                text.Append(fact.Warning ? "!! " : "   ").Append(fact.Label).Append(": ").AppendLine(InertText.Line(fact.Value));
            }
        }

        if (message.BodySummary.Length > 0)
        {
            text.AppendLine().AppendLine(message.BodyTruncated ? "Request body (masked, shortened: the page shows all of it):" : "Request body (masked):");
            text.AppendLine(InertText.Block(message.BodySummary));
        }

        text.AppendLine()
            .Append("Approve: ").AppendLine(message.ApproveLink.AbsoluteUri)
            .Append("Deny:    ").AppendLine(message.DenyLink.AbsoluteUri)
            .Append("Open:    ").AppendLine(message.OpenLink.AbsoluteUri)
            .AppendLine()
            .AppendLine(Footer(message));
        return text.ToString();
    }

    /// <summary>The HTML part.</summary>
    public static string Html(ApprovalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif\">");
        html.Append("<h2>Approval needed</h2><p><code style=\"font-size:110%\">").Append(Encode(InertText.Line(message.Command))).Append("</code></p>");
        Table(html, message.Facts);
        if (message.Workload.Count > 0)
        {
            html.Append("<h3>What the workload would run</h3>");
            Table(html, message.Workload);
        }

        if (message.BodySummary.Length > 0)
        {
            html.Append("<h3>").Append(message.BodyTruncated ? "Request body (masked, shortened: the page shows all of it)" : "Request body (masked)").Append("</h3>");
            html.Append("<pre style=\"background:#f4f4f4;padding:8px;white-space:pre-wrap\">").Append(Encode(InertText.Block(message.BodySummary))).Append("</pre>");
        }

        html.Append("<p>");
        Button(html, "Approve", message.ApproveLink, "#107c10");
        Button(html, "Deny", message.DenyLink, "#a4262c");
        Button(html, "Open", message.OpenLink, "#605e5c");
        html.Append("</p><p style=\"color:#605e5c\">").Append(Encode(Footer(message))).Append("</p></body></html>");
        return html.ToString();
    }

    private static string Footer(ApprovalMessage message)
        => "Each link opens the approval page, where you sign in and decide; opening a link decides nothing. Links work once and expire at "
           + message.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + ".";

    private static void Table(StringBuilder html, IReadOnlyList<ApprovalFact> facts)
    {
        html.Append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
        foreach (var fact in facts)
        {
            var style = fact.Warning ? " style=\"color:#a4262c;font-weight:bold\"" : "";
            html.Append("<tr><th align=\"left\" valign=\"top\"").Append(style).Append('>').Append(Encode(fact.Label)).Append("</th><td")
                .Append(style).Append("><code>").Append(Encode(InertText.Line(fact.Value))).Append("</code></td></tr>");
        }

        html.Append("</table>");
    }

    private static void Button(StringBuilder html, string title, Uri link, string color)
        => html.Append("<a href=\"").Append(Encode(link.AbsoluteUri)).Append("\" style=\"display:inline-block;padding:8px 16px;margin-right:8px;color:#fff;background:")
            .Append(color).Append(";text-decoration:none;border-radius:4px\">").Append(title).Append("</a>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
