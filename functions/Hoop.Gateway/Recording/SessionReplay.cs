using System.Text;
using System.Text.Encodings.Web;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Replays one session as a timeline (<c>hoop replay</c>, <c>GET /audit/sessions/{id}</c>): every recorded value is
/// neutralised for the terminal, or HTML-encoded for the page; recorded data never acts on the reader's screen.
/// </summary>
internal sealed class SessionReplay(JournalReader reader)
{
    /// <summary>Prints the timeline; returns the number of rows (0: no such session).</summary>
    public async Task<int> WriteTextAsync(string sessionId, TextWriter output, bool withBodies, CancellationToken cancellationToken = default)
    {
        var rows = 0;
        await foreach (var item in AuditEventAssembler.AssembleAsync(reader.ReadAsync(sessionId, withBodies: withBodies, cancellationToken: cancellationToken), withBodies, cancellationToken))
        {
            if (rows++ == 0)
            {
                await output.WriteLineAsync($"{"TIME",-27} {"VERB",-13} {"RESOURCE",-40} {"DECISION",-24} {"STATUS",-6} APPROVER");
            }

            var row = item is AuditEvent e ? TimelineRow.From(e) : TimelineRow.From((SessionEvent)item);
            var line = $"{row.Time,-27} {Safe(row.Verb),-13} {Safe(row.Resource),-40} {Safe(row.Decision),-24} {Safe(row.Status),-6} {Safe(row.Approver)}";
            await output.WriteLineAsync(row.Detail.Length > 0 ? line.TrimEnd() + "  # " + Safe(row.Detail) : line.TrimEnd());
            if (withBodies && item is AuditEvent withBody)
            {
                await WriteBodyAsync(output, "request", withBody.RequestBody);
                await WriteBodyAsync(output, "response", withBody.ResponseBody);
            }
        }

        return rows;
    }

    /// <summary>Writes the read-only auditor page; returns false when the session has no records.</summary>
    public async Task<bool> WriteHtmlAsync(string sessionId, TextWriter output, CancellationToken cancellationToken = default)
    {
        var html = HtmlEncoder.Default;
        var body = new StringBuilder();
        var rows = 0;
        await foreach (var item in AuditEventAssembler.AssembleAsync(reader.ReadAsync(sessionId, withBodies: false, cancellationToken: cancellationToken), withBodies: false, cancellationToken))
        {
            rows++;
            var row = item is AuditEvent e ? TimelineRow.From(e) : TimelineRow.From((SessionEvent)item);
            body.Append("<tr>");
            foreach (var cell in new[] { row.Time, row.Verb, row.Resource, row.Decision, row.Status, row.Approver, row.Detail })
            {
                body.Append("<td>").Append(html.Encode(cell)).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        if (rows == 0)
        {
            return false;
        }

        await output.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Session {{html.Encode(sessionId)}}</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;font-size:.9em}th{background:#eee}</style>
            </head><body>
            <h1>Session {{html.Encode(sessionId)}}</h1>
            <p>Read-only replay of the audit journal. Values are as recorded (bodies masked); verify the chain with <code>hoop audit verify --session {{html.Encode(sessionId)}}</code>.</p>
            <table><thead><tr><th>Time</th><th>Verb</th><th>Resource</th><th>Decision</th><th>Status</th><th>Approver</th><th>Detail</th></tr></thead>
            <tbody>
            {{body}}</tbody></table>
            </body></html>
            """);
        return true;
    }

    private static string Safe(string value) => TerminalText.Neutralize(value);

    private static async Task WriteBodyAsync(TextWriter output, string label, byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return;
        }

        await output.WriteLineAsync($"    --- {label} body ({body.Length} bytes, masked) ---");
        foreach (var line in TerminalText.NeutralizeBlock(Encoding.UTF8.GetString(body)).Split('\n'))
        {
            await output.WriteLineAsync("    " + line);
        }
    }
}
