using Hoop.Cli;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Hoop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.EndToEnd.Tests.Sessions;

/// <summary>
/// Just-in-time session approval through the CLI against <c>hoop serve --demo</c> (assets/policy/approvals-short.yaml,
/// role <c>oncall</c>): <c>hoop session start</c> waits for bob, then the agent's kubeconfig works.
/// </summary>
public sealed class SessionApprovalTests(ShortHoldApprovalGateway fixture) : IClassFixture<ShortHoldApprovalGateway>
{
    [Fact]
    public async Task SessionStart_OncallRole_WaitsForBobThenStartsAndTheStepsAreJournaled()
    {
        var file = Path.Combine(fixture.StateDir, "oncall.kubeconfig");
        string[] start = ["session", "start", "--state-dir", fixture.StateDir, "--as", "alice", "--connection", "demo", "--role", "oncall", "--ttl", "20m", "--reason", "e2e: oncall", "--out", file];

        var asked = await CliApp.RunAsync(start);
        var pending = await ApprovalProbe.WaitForPendingAsync(fixture, a => a.Verb == "start-session" && a.Name == "oncall");
        var waiting = CliApp.RunAsync([.. start, "--wait"]);
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["approvals", "approve", pending.ApprovalId, "--state-dir", fixture.StateDir, "--as", "bob"]));
        var started = await waiting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CliApp.ProblemsFound, asked);
        Assert.Equal(CliApp.Ok, started);
        var pods = await new Kubectl(fixture.Kubectl.Binary, file).RunAsync("get", "pods");
        Assert.True(pods.ExitCode == 0, pods.ToString());
        await ApprovalProbe.FlushAsync(fixture);
        var partition = JournalSessionAudit.RefusalPartition(pending.RequestedAt);
        var store = fixture.Gateway.App.Services.GetRequiredService<JournalStore>();
        var steps = new List<string?>();
        await foreach (var entry in new JournalReader(store).ReadAsync(partition))
        {
            if (entry.Kind == JournalRecordKind.Approval && entry.Text(JournalProperty.ApprovalId) == pending.ApprovalId)
            {
                steps.Add(entry.Text(JournalProperty.Step));
            }
        }

        // One `notified` per channel the demo has (e-mail, log).
        Assert.Equal(["requested", "notified", "notified", "decided", "executed"], steps);
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["audit", "verify", "--state-dir", fixture.StateDir, "--session", partition]));
    }
}
