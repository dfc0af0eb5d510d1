using System.Text;
using System.Text.Json;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>Export shapes: Kubernetes audit Events (JSONL) and CSV with formula injection neutralised, on Azurite.</summary>
public sealed class AuditExporterTests
{
    [Fact]
    public async Task Export_Jsonl_IsAKubernetesAuditEventPerRequest()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var blocked = JournalTestBed.Request(session, "DELETE", "/api/v1/namespaces/default/pods/web", action: DecisionAction.Block, rule: "no-delete");
        await journal.RecordRequestAsync(blocked);
        await journal.RecordApprovalAsync(new ApprovalRecord { SessionId = session.Id, AuditId = blocked.AuditId, ApprovalId = "a1", Step = ApprovalRecord.Steps.Decided, Actor = "hoop-dev:bob", Outcome = "denied", At = DateTimeOffset.UtcNow });
        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = blocked.AuditId, StatusCode = 403, Duration = TimeSpan.FromMilliseconds(1), Error = "Deleting is not allowed for AI agents" });
        await journal.FlushAsync();
        using var output = new MemoryStream();

        var count = await new AuditExporter(bed.Reader()).ExportAsync(new AuditExportQuery { SessionId = session.Id }, AuditExportFormat.Jsonl, output);

        Assert.Equal(1, count);
        var line = Assert.Single(Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var e = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Event", e.GetProperty("kind").GetString());
        Assert.Equal("audit.k8s.io/v1", e.GetProperty("apiVersion").GetString());
        Assert.Equal(blocked.AuditId, e.GetProperty("auditID").GetString());
        Assert.Equal("ResponseComplete", e.GetProperty("stage").GetString());
        Assert.Equal("/api/v1/namespaces/default/pods/web", e.GetProperty("requestURI").GetString());
        Assert.Equal("delete", e.GetProperty("verb").GetString());
        Assert.Equal(session.User, e.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("developers", e.GetProperty("user").GetProperty("groups")[0].GetString());
        var objectRef = e.GetProperty("objectRef");
        Assert.Equal("pods", objectRef.GetProperty("resource").GetString());
        Assert.Equal("default", objectRef.GetProperty("namespace").GetString());
        Assert.Equal("web", objectRef.GetProperty("name").GetString());
        Assert.Equal("v1", objectRef.GetProperty("apiVersion").GetString());
        Assert.Equal(403, e.GetProperty("responseStatus").GetProperty("code").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", e.GetProperty("requestReceivedTimestamp").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", e.GetProperty("stageTimestamp").GetString());
        var annotations = e.GetProperty("annotations");
        Assert.Equal("forbid", annotations.GetProperty("authorization.k8s.io/decision").GetString());
        Assert.Equal("block", annotations.GetProperty("hoop.dev/decision").GetString());
        Assert.Equal("no-delete", annotations.GetProperty("hoop.dev/rule").GetString());
        Assert.Contains("decided denied by hoop-dev:bob", annotations.GetProperty("hoop.dev/approval").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_NeutralisesFormulaCells()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession(user: "=HYPERLINK(\"http://x\",\"y\")");
        var request = JournalTestBed.Request(session, path: "/api/v1/namespaces/default/pods/@SUM(A1)") with { Decision = new Decision { Action = DecisionAction.Block, Rule = "+cmd", Message = "-2+3" } };
        await journal.RecordRequestAsync(request);
        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = request.AuditId, StatusCode = 403, Duration = TimeSpan.Zero, Error = "@evil" });
        await journal.FlushAsync();
        using var output = new MemoryStream();

        await new AuditExporter(bed.Reader()).ExportAsync(new AuditExportQuery { SessionId = session.Id }, AuditExportFormat.Csv, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', AuditExporter.CsvColumns), lines[0]);
        var cells = SplitCsv(lines[1]);
        Assert.Equal(AuditExporter.CsvColumns.Length, cells.Count);
        foreach (var cell in cells)
        {
            Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal), $"cell '{cell}' would run as a formula");
        }

        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", cells[Array.IndexOf(AuditExporter.CsvColumns, "user")]);
        Assert.Equal("'+cmd", cells[Array.IndexOf(AuditExporter.CsvColumns, "rule")]);
        Assert.Equal("'-2+3", cells[Array.IndexOf(AuditExporter.CsvColumns, "message")]);
        Assert.Equal("'@evil", cells[Array.IndexOf(AuditExporter.CsvColumns, "error")]);
    }

    [Fact]
    public async Task Export_UserFilter_KeepsOnlyThatUsersRequests()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        foreach (var user in new[] { "alice", "bob", "alice" })
        {
            var session = JournalTestBed.NewSession(user: user);
            await journal.RecordRequestAsync(JournalTestBed.Request(session));
        }

        using var output = new MemoryStream();
        var count = await new AuditExporter(bed.Reader()).ExportAsync(new AuditExportQuery { User = "alice" }, AuditExportFormat.Jsonl, output);

        Assert.Equal(2, count);
        Assert.All(Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.Equal("alice", JsonDocument.Parse(l).RootElement.GetProperty("user").GetProperty("username").GetString()));
    }

    /// <summary>RFC 4180 fields of one line (quotes doubled inside quoted fields).</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
