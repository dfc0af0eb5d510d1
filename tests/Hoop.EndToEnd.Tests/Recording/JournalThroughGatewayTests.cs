using System.Net;
using System.Text.Json;
using Hoop.Cli;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Recording;

namespace Hoop.EndToEnd.Tests.Recording;

/// <summary>
/// A demo session driven with the real kubectl is journaled in Azurite, exports (JSONL, CSV), replays and verifies;
/// concurrent requests each get exactly their records.
/// </summary>
public sealed class JournalThroughGatewayTests(DefaultPolicyGateway fixture) : IClassFixture<DefaultPolicyGateway>
{
    [Fact]
    public async Task KubectlSession_ExportAndReplayAndVerify_ShowEveryForwardedRequest()
    {
        var get = await fixture.Kubectl.RunAsync("get", "pods", "-A");
        var describe = await fixture.Kubectl.RunAsync("get", "configmap", "web-config", "-n", "default", "-o", "yaml");
        var delete = await fixture.Kubectl.RunAsync("delete", "pod", "db-0", "-n", "default", "--wait=false");
        Assert.Equal(0, get.ExitCode);
        Assert.Equal(0, describe.ExitCode);
        Assert.Contains("blocked by rule \"no-delete\"", delete.Stderr, StringComparison.Ordinal);
        await FlushAsync();
        var jsonl = Path.Combine(fixture.StateDir, "export.jsonl");
        var csv = Path.Combine(fixture.StateDir, "export.csv");

        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["audit", "export", "--format", "jsonl", "--state-dir", fixture.StateDir, "--out", jsonl]));
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["audit", "export", "--format", "csv", "--state-dir", fixture.StateDir, "--out", csv]));
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["audit", "verify", "--state-dir", fixture.StateDir]));

        var events = File.ReadAllLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e => Assert.Equal("audit.k8s.io/v1", e.GetProperty("apiVersion").GetString()));
        // Every request the cluster received carries the gateway's Audit-ID, and each is in the export.
        var exported = events.Select(e => e.GetProperty("auditID").GetString()).ToHashSet();
        var forwarded = fixture.Cluster.Received.Select(r => r.Headers.TryGetValue("Audit-ID", out var id) ? id.ToString() : "").Where(id => id.Length > 0).ToList();
        Assert.NotEmpty(forwarded);
        Assert.All(forwarded, id => Assert.Contains(id, exported));
        var list = Assert.Single(events, e => e.GetProperty("verb").GetString() == "list" && e.GetProperty("requestURI").GetString()!.StartsWith("/api/v1/pods", StringComparison.Ordinal));
        Assert.Equal("pods", list.GetProperty("objectRef").GetProperty("resource").GetString());
        Assert.Equal(200, list.GetProperty("responseStatus").GetProperty("code").GetInt32());
        Assert.Equal(fixture.Gateway.Demo.Session.User, list.GetProperty("user").GetProperty("username").GetString());
        Assert.EndsWith("/dev/oidc#alice", fixture.Gateway.Demo.Session.User, StringComparison.Ordinal);
        var deleted = Assert.Single(events, e => e.GetProperty("verb").GetString() == "delete");
        Assert.Equal("db-0", deleted.GetProperty("objectRef").GetProperty("name").GetString());
        Assert.Equal("forbid", deleted.GetProperty("annotations").GetProperty("authorization.k8s.io/decision").GetString());
        Assert.Equal(403, deleted.GetProperty("responseStatus").GetProperty("code").GetInt32());
        var rows = File.ReadAllLines(csv);
        Assert.StartsWith("requestReceivedTimestamp,", rows[0], StringComparison.Ordinal);
        Assert.Equal(events.Count + 1, rows.Length);

        using var timeline = new StringWriter();
        var reader = new JournalReader(fixture.Gateway.App.Services.GetService(typeof(JournalStore)) as JournalStore ?? throw new InvalidOperationException());
        Assert.True(await new SessionReplay(reader).WriteTextAsync(fixture.Gateway.Demo.Session.Id, timeline, withBodies: false) > 3);
        Assert.Contains("session start", timeline.ToString(), StringComparison.Ordinal);
        Assert.Contains("pods db-0", timeline.ToString().Replace("default/", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentAgentRequests_EachHasExactlyItsRecords_AndTheChainVerifies()
    {
        using var client = fixture.AgentClient();
        var auditIds = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                using var response = await client.GetAsync(new Uri(i % 2 == 0 ? "api/v1/namespaces/default/pods" : "api/v1/namespaces/default/configmaps/web-config", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ids.Add(response.Headers.GetValues("Audit-ID").Single());
            }

            return ids;
        }));
        await FlushAsync();

        var records = new List<JournalEntry>();
        var store = (JournalStore)fixture.Gateway.App.Services.GetService(typeof(JournalStore))!;
        await foreach (var entry in new JournalReader(store).ReadAsync(fixture.Gateway.Demo.Session.Id))
        {
            records.Add(entry);
        }

        foreach (var id in auditIds.SelectMany(ids => ids))
        {
            Assert.Single(records, r => r.Kind == JournalRecordKind.Request && r.Text(JournalProperty.AuditId) == id);
            Assert.Single(records, r => r.Kind == JournalRecordKind.Response && r.Text(JournalProperty.AuditId) == id);
        }

        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["audit", "verify", "--state-dir", fixture.StateDir, "--session", fixture.Gateway.Demo.Session.Id]));
    }

    private async Task FlushAsync()
    {
        if (fixture.Gateway.App.Services.GetService(typeof(IAuditJournal)) is TableJournal journal)
        {
            await journal.FlushAsync();
        }
    }
}
