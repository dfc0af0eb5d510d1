using System.Globalization;
using System.Net;
using System.Text;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The evidence report as one self-contained HTML page: inline CSS and inline SVG charts, no script and no external
/// asset, printable; every recorded value is HTML-encoded (recorded data is inert, invariant 9).
/// </summary>
internal static class EvidenceHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0;width:100%}
        th,td{border:1px solid #999;padding:4px 6px;text-align:left;font-size:13px}th{background:#eee}
        .fail{background:#b00020;color:#fff;padding:1em;font-size:1.3em;font-weight:bold}.ok{background:#1b5e20;color:#fff;padding:1em}
        td.bad{color:#b00020;font-weight:bold}@media print{.fail,.ok{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """;

    public static string Render(EvidenceReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hoop evidence report ")
            .Append(E(Time(report.From))).Append(" to ").Append(E(Time(report.To))).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Evidence report</h1><p>Period ").Append(E(Time(report.From))).Append(" to ").Append(E(Time(report.To)))
            .Append(", generated ").Append(E(Time(report.GeneratedAt))).Append(".</p>");
        Verification(html, report);
        Sessions(html, report);
        Decisions(html, report);
        Approvals(html, report);
        html.Append("<h2>Masking</h2><p>").Append(report.Masking.MaskedResponses).Append(" of ").Append(report.Masking.Responses)
            .Append(" responses were masked (counts only; values are never reported).</p>");
        Table(html, ["Masking rule", "Count"], report.Masking.ByRule.Select(r => new[] { r.Rule, N(r.Count) }), "No masking rule recorded in the period.");
        html.Append("<h2>Gateway errors and fail-closed refusals</h2>");
        Table(html, ["Time", "Session", "Kind", "Stage", "Status", "Message"], report.Errors.Select(e => new[] { Time(e.Time), e.SessionId, e.Kind, e.Stage, e.Status?.ToString(CultureInfo.InvariantCulture) ?? "", e.Message }), "None.");
        html.Append("<h2>Configuration in force</h2>");
        Table(html, ["Setting", "Value"], report.Configuration.Select(c => new[] { c.Key, c.Value }), "None reported.");
        html.Append("<p>Verify this report against the journal: <code>hoop audit verify --from ").Append(E(Time(report.From))).Append(" --to ").Append(E(Time(report.To))).Append("</code></p>");
        return html.Append("</body></html>").ToString();
    }

    private static void Verification(StringBuilder html, EvidenceReport report)
    {
        if (report.Verified)
        {
            html.Append("<div class=\"ok\" id=\"verification\">Chain verification: every session of the period verified.</div>");
            return;
        }

        html.Append("<div class=\"fail\" id=\"verification\">VERIFICATION FAILED: the journal of this period was altered, truncated or deleted. Sessions: ")
            .Append(E(string.Join(", ", report.Problems.Select(p => p.SessionId).Distinct(StringComparer.Ordinal)))).Append("</div>");
        Table(html, ["Session", "Record", "Problem", "Message"], report.Problems.Select(p => new[] { p.SessionId, p.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "", p.Code, p.Message }), "");
    }

    private static void Sessions(StringBuilder html, EvidenceReport report)
    {
        html.Append("<h2>Sessions</h2><table><tr><th>Session</th><th>User</th><th>Role</th><th>Connection</th><th>Start</th><th>End</th><th>How ended</th><th>Requests</th><th>Chain</th></tr>");
        foreach (var s in report.Sessions)
        {
            html.Append("<tr><td>").Append(E(s.Id)).Append("</td><td>").Append(E(s.User)).Append("</td><td>").Append(E(s.Role))
                .Append("</td><td>").Append(E(s.Connection)).Append("</td><td>").Append(E(Time(s.Started))).Append("</td><td>").Append(E(Time(s.Ended)))
                .Append("</td><td>").Append(E(s.EndReason ?? "open")).Append("</td><td>").Append(s.Requests)
                .Append(s.Verified ? "</td><td>verified</td></tr>" : "</td><td class=\"bad\">VERIFICATION FAILED (" + E(string.Join(", ", s.Problems)) + ")</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Decisions(StringBuilder html, EvidenceReport report)
    {
        html.Append("<h2>Access decisions</h2>");
        Table(html, ["Rule", "Decision", "Requests"], report.Decisions.Select(d => new[] { d.Rule, d.Decision, N(d.Count) }), "No requests in the period.");
        html.Append("<h3>Decisions per day</h3>");
        var days = report.DecisionsPerDay;
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => d.Allowed + d.Blocked + d.Approval));
        const int barWidth = 40, height = 160;
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Decisions per day\" width=\"{Math.Max(200, (days.Count * (barWidth + 20)) + 40)}\" height=\"{height + 40}\">");
        for (var i = 0; i < days.Count; i++)
        {
            var x = 20 + (i * (barWidth + 20));
            var y = (double)height;
            foreach (var (count, colour) in new[] { (days[i].Allowed, "#2e7d32"), (days[i].Blocked, "#b00020"), (days[i].Approval, "#f9a825") })
            {
                var h = (double)count / max * height;
                y -= h;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y:0.#}\" width=\"{barWidth}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{count}</title></rect>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{height + 15}\" font-size=\"10\">{days[i].Day:MM-dd}</text>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"20\" y=\"{height + 32}\" font-size=\"11\">green allowed, red blocked, amber approval</text></svg>");
    }

    private static void Approvals(StringBuilder html, EvidenceReport report)
    {
        html.Append("<h2>Approvals</h2>");
        Table(html, ["Approval", "Session", "Requester", "Approver", "Decision", "Comment", "Requested", "Decided", "Wait (s)"], report.Approvals.Select(a => new[]
        {
            a.ApprovalId, a.SessionId, a.Requester, a.Approver ?? "", a.Decision ?? "undecided", a.Comment ?? "", Time(a.RequestedAt), Time(a.DecidedAt),
            a.WaitSeconds?.ToString("0.#", CultureInfo.InvariantCulture) ?? "",
        }), "No approvals in the period.");
        var waits = report.Approvals.Where(a => a.WaitSeconds is not null).ToList();
        if (waits.Count == 0)
        {
            return;
        }

        var max = Math.Max(1, waits.Max(a => a.WaitSeconds!.Value));
        html.Append(CultureInfo.InvariantCulture, $"<h3>Approval wait times</h3><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Approval wait times\" width=\"520\" height=\"{(waits.Count * 22) + 10}\">");
        for (var i = 0; i < waits.Count; i++)
        {
            var w = waits[i].WaitSeconds!.Value / max * 380;
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"120\" y=\"{(i * 22) + 4}\" width=\"{w:0.#}\" height=\"16\" fill=\"#1565c0\"/><text x=\"0\" y=\"{(i * 22) + 16}\" font-size=\"11\">{E(waits[i].ApprovalId)}</text><text x=\"{125 + w:0.#}\" y=\"{(i * 22) + 16}\" font-size=\"11\">{waits[i].WaitSeconds:0.#} s</text>");
        }

        html.Append("</svg>");
    }

    private static void Table(StringBuilder html, string[] headers, IEnumerable<string[]> rows, string empty)
    {
        var any = false;
        foreach (var row in rows)
        {
            if (!any)
            {
                html.Append("<table><tr>").AppendJoin("", headers.Select(h => "<th>" + E(h) + "</th>")).Append("</tr>");
                any = true;
            }

            html.Append("<tr>").AppendJoin("", row.Select(c => "<td>" + E(c) + "</td>")).Append("</tr>");
        }

        html.Append(any ? "</table>" : empty.Length == 0 ? "" : "<p>" + E(empty) + "</p>");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? time) => time is { } t ? JournalTime.ToText(t) : "";
}
