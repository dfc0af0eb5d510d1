using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Json.Schema;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>The evidence report against a real journal on the shared Azurite: counts equal the journal's records.</summary>
public sealed class EvidenceReportBuilderTests
{
    private static readonly Dictionary<string, string> Bounds = new(StringComparer.Ordinal) { ["Hoop:Gateway:WatchTimeoutSeconds"] = "300" };

    [Fact]
    public async Task Build_SessionWithReadsBlockedDeleteAndApprovals_CountsMatchTheJournalExactly()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var session = await WriteDemoSessionAsync(bed);

        var report = await BuildAsync(bed);

        var journal = await bed.ReadSessionAsync(session);
        var requests = journal.Where(e => e.Kind == JournalRecordKind.Request).ToList();
        Assert.Equal(
            requests.GroupBy(e => (e.Text(JournalProperty.Rule) ?? "", e.Text(JournalProperty.Decision) ?? "")).Select(g => new EvidenceDecisionCount(g.Key.Item1, g.Key.Item2, g.Count())).OrderBy(d => d.Rule, StringComparer.Ordinal).ThenBy(d => d.Decision, StringComparer.Ordinal),
            report.Decisions);
        Assert.Equal([new("approval", "approve", 2), new("no-delete", "block", 1), new("read", "allow", 3)], report.Decisions);
        var day = Assert.Single(report.DecisionsPerDay);
        Assert.Equal((3, 1, 2), (day.Allowed, day.Blocked, day.Approval));
        var listed = Assert.Single(report.Sessions);
        Assert.Equal((session, "hoop-dev:alice", "agent", "demo", "ended by alice", 6, true), (listed.Id, listed.User, listed.Role, listed.Connection, listed.EndReason, listed.Requests, listed.Verified));
        Assert.Equal(2, report.Approvals.Count);
        var approved = report.Approvals.Single(a => a.ApprovalId == "scale-1");
        Assert.Equal(("hoop-dev:alice", "hoop-dev:bob", "approved", "ok for the release", 90.0), (approved.Requester, approved.Approver, approved.Decision, approved.Comment, approved.WaitSeconds));
        var denied = report.Approvals.Single(a => a.ApprovalId == "scale-2");
        Assert.Equal(("hoop-dev:bob", "denied", 30.0), (denied.Approver, denied.Decision, denied.WaitSeconds));
        Assert.Equal(journal.Count(e => e.Kind == JournalRecordKind.Response), report.Masking.Responses);
        Assert.Equal(0, report.Masking.MaskedResponses);
        Assert.Equal(2, report.Errors.Count);
        Assert.Contains(report.Errors, e => e is { Kind: "error", Stage: "upstream" });
        Assert.Contains(report.Errors, e => e is { Kind: "refusal", Status: 503 });
        Assert.True(report.Verified);
        Assert.Equal("300", report.Configuration["Hoop:Gateway:WatchTimeoutSeconds"]);
    }

    [Fact]
    public async Task Build_TamperedRow_ReportSaysVerificationFailedForThatSession()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var tampered = await WriteDemoSessionAsync(bed);
        var intact = await WriteDemoSessionAsync(bed);
        var table = bed.Store.GetTable(DateTimeOffset.UtcNow);
        var entity = (await table.GetEntityAsync<TableEntity>(tampered, "0000000002")).Value;
        entity[JournalProperty.Target] = "/api/v1/namespaces/default/configmaps";
        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

        var report = await BuildAsync(bed);

        Assert.False(report.Verified);
        var bad = report.Sessions.Single(s => s.Id == tampered);
        Assert.False(bad.Verified);
        Assert.Contains(VerificationCodes.BrokenLink, bad.Problems);
        Assert.True(report.Sessions.Single(s => s.Id == intact).Verified);
        var html = EvidenceHtml.Render(report);
        var banner = html[html.IndexOf("<div class=\"fail\" id=\"verification\">", StringComparison.Ordinal)..];
        Assert.StartsWith("<div class=\"fail\" id=\"verification\">VERIFICATION FAILED", banner, StringComparison.Ordinal);
        Assert.Contains(tampered, banner[..banner.IndexOf("</div>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain(intact, banner[..banner.IndexOf("</div>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.True(html.IndexOf("VERIFICATION FAILED", StringComparison.Ordinal) < html.IndexOf("<h2>Sessions</h2>", StringComparison.Ordinal), "the failure comes before everything else");
    }

    [Fact]
    public async Task Json_Report_ValidatesAgainstThePublishedSchema()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        await WriteDemoSessionAsync(bed);
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "assets", "compliance", "evidence-report.schema.json")));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

        var json = JsonNode.Parse(EvidenceJson.Serialize(await BuildAsync(bed)))!;

        var result = schema.Evaluate(JsonSerializer.SerializeToElement(json), options);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        json["sessions"]![0]!["password"] = "not in the schema";
        Assert.False(schema.Evaluate(JsonSerializer.SerializeToElement(json), options).IsValid);
    }

    [Fact]
    public async Task Html_Report_IsOneSelfContainedFileWithInlineCharts()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        await WriteDemoSessionAsync(bed);

        var html = EvidenceHtml.Render(await BuildAsync(bed));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<svg ", StringSplitOptions.None).Length - 1);
        Assert.Contains("every session of the period verified", html, StringComparison.Ordinal);
        foreach (var external in new[] { "<script", "<link", "src=", "href=", "url(", "@import" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Build_SessionApprovalInTheRefusalPartition_RequesterIsThePersonNotThePartitionsPseudoUser()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var now = DateTimeOffset.UtcNow;
        var start = JournalSessionAudit.RefusalSession(now);
        await journal.RecordApprovalAsync(new ApprovalRecord
        {
            SessionId = start.Id,
            AuditId = "ap-s",
            ApprovalId = "ap-s",
            Step = ApprovalRecord.Steps.Requested,
            Actor = "hoop-dev:alice",
            At = now,
            Session = start,
        });
        await journal.RecordApprovalAsync(new ApprovalRecord
        {
            SessionId = start.Id,
            AuditId = "ap-s",
            ApprovalId = "ap-s",
            Step = ApprovalRecord.Steps.Decided,
            Actor = "hoop-dev:bob",
            Outcome = "approved",
            At = now.AddSeconds(20),
        });

        var report = await BuildAsync(bed);

        var approval = Assert.Single(report.Approvals);
        Assert.Equal(("hoop-dev:alice", "hoop-dev:bob", "approved", start.Id), (approval.Requester, approval.Approver, approval.Decision, approval.SessionId));
    }

    private static Task<EvidenceReport> BuildAsync(JournalTestBed bed)
        => new EvidenceReportBuilder(bed.Reader(), bed.Verifier(), bed.Time).BuildAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), Bounds);

    /// <summary>Three reads (one refused 503), a blocked delete, an approved and a denied scale, a gateway error; ended.</summary>
    private static async Task<string> WriteDemoSessionAsync(JournalTestBed bed)
    {
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        foreach (var path in new[] { "/api/v1/namespaces/default/pods", "/api/v1/namespaces/default/pods/web-1", "/apis/apps/v1/namespaces/default/deployments" })
        {
            var read = JournalTestBed.Request(session, path: path);
            await journal.RecordRequestAsync(read);
            var failedClosed = path.StartsWith("/apis/", StringComparison.Ordinal);
            await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = read.AuditId, StatusCode = failedClosed ? 503 : 200, Duration = TimeSpan.FromMilliseconds(2), Error = failedClosed ? "upstream unavailable" : null });
        }

        var delete = JournalTestBed.Request(session, "DELETE", "/api/v1/namespaces/default/pods/web-1", action: DecisionAction.Block, rule: "no-delete");
        await journal.RecordRequestAsync(delete);
        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = delete.AuditId, StatusCode = 403, Duration = TimeSpan.Zero, Error = "Deleting is not allowed for AI agents" });
        var asked = DateTimeOffset.UtcNow;
        foreach (var (id, outcome, wait, comment) in new[] { ("scale-1", "approved", 90, "ok for the release"), ("scale-2", "denied", 30, (string?)null) })
        {
            var scale = JournalTestBed.Request(session, "PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale", action: DecisionAction.Approve, rule: "approval");
            await journal.RecordRequestAsync(scale);
            await journal.RecordApprovalAsync(new ApprovalRecord { SessionId = session.Id, AuditId = scale.AuditId, ApprovalId = id, Step = ApprovalRecord.Steps.Requested, At = asked });
            await journal.RecordApprovalAsync(new ApprovalRecord { SessionId = session.Id, AuditId = scale.AuditId, ApprovalId = id, Step = ApprovalRecord.Steps.Decided, Actor = "hoop-dev:bob", Outcome = outcome, Comment = comment, At = asked.AddSeconds(wait) });
            await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = scale.AuditId, StatusCode = outcome == "approved" ? 200 : 403, Duration = TimeSpan.FromSeconds(wait), Error = outcome == "approved" ? null : "approval denied" });
        }

        await journal.RecordErrorAsync(new ErrorRecord { SessionId = session.Id, Stage = "upstream", Message = "connection reset" });
        await journal.RecordSessionEndedAsync(session.Id, "ended by alice");
        await journal.FlushAsync();
        return session.Id;
    }
}
