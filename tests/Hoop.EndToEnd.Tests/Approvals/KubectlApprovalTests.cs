using System.Diagnostics;
using System.Text.Json;
using Hoop.Cli;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Recording;
using Hoop.Tests.Shared;

namespace Hoop.EndToEnd.Tests.Approvals;

/// <summary>
/// Issue 7's "done when" with the real kubectl and the shipped default policy: <c>kubectl scale</c> waits; bob approves
/// (or denies) with <c>hoop approvals ... --as bob</c>; kubectl completes within about a second of the decision, or
/// prints the Forbidden message naming bob. Every step is in the journal, the chain verifies, and the evidence report
/// shows the approvals.
/// </summary>
public sealed class KubectlApprovalTests(ApprovalGateway fixture) : IClassFixture<ApprovalGateway>
{
    /// <summary>"Within a second of the click", with slack for a loaded 2-core test machine.</summary>
    private static readonly TimeSpan DecisionToCompletion = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan KubectlBound = TimeSpan.FromSeconds(ApprovalGateway.HoldSeconds + 30);

    [Fact]
    public async Task Scale_BobApprovesWithTheCli_KubectlCompletesWithinASecondAndReplicasAre3()
    {
        var scalesBefore = ApprovalProbe.Received(fixture, "PATCH", "/deployments/web/scale");

        var (result, approvalId, afterDecision) = await ScaleAndDecideAsync(3, "approve", "e2e: fine, scale to 3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deployment.apps/web scaled", result.Stdout, StringComparison.Ordinal);
        Assert.True(afterDecision <= DecisionToCompletion, $"kubectl completed {afterDecision.TotalMilliseconds:0} ms after the decision");
        Assert.Equal("3", await ReplicasAsync());
        Assert.Equal(scalesBefore + 1, ApprovalProbe.Received(fixture, "PATCH", "/deployments/web/scale"));

        var steps = await ApprovalProbe.StepsAsync(fixture, approvalId);
        // One `notified` per channel the demo has: the e-mail to bob's MailDev inbox and the log line.
        Assert.Equal(["requested", "notified", "notified", "decided", "executed"], steps.Select(s => s.Text(JournalProperty.Step)));
        Assert.Equal(fixture.Gateway.Demo.Session.User, steps[0].Text(JournalProperty.Actor));
        Assert.Equal(["email", "log"], steps.Skip(1).Take(2).Select(s => s.Text(JournalProperty.Actor)).Order(StringComparer.Ordinal));
        Assert.All(steps.Skip(1).Take(2), s => Assert.Equal("sent", s.Text(JournalProperty.Outcome)));
        Assert.EndsWith("#bob", steps[3].Text(JournalProperty.Actor), StringComparison.Ordinal);
        Assert.Equal("approved", steps[3].Text(JournalProperty.Outcome));
        Assert.Equal("e2e: fine, scale to 3", steps[3].Text(JournalProperty.Comment));
        Assert.True(JournalTime.TryParse(steps[3].Text(JournalProperty.At), out var decidedAt));
        Assert.InRange(decidedAt, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        Assert.Equal(fixture.Gateway.Demo.Session.User, steps[4].Text(JournalProperty.Actor));
    }

    [Fact]
    public async Task Scale_BobDenies_KubectlPrintsForbiddenNamingBobAndReplicasAreUnchanged()
    {
        var before = await ReplicasAsync();

        var (result, approvalId, afterDecision) = await ScaleAndDecideAsync(7, "deny", "e2e: not during the sale");

        var steps = await ApprovalProbe.StepsAsync(fixture, approvalId);
        var bob = steps.Single(s => s.Text(JournalProperty.Step) == "decided").Text(JournalProperty.Actor);
        Assert.NotEqual(0, result.ExitCode);
        Assert.EndsWith("#bob", bob, StringComparison.Ordinal);
        Assert.Contains($"Error from server (Forbidden): approval {approvalId} was denied by {bob}: e2e: not during the sale", result.Stderr, StringComparison.Ordinal);
        Assert.True(afterDecision <= DecisionToCompletion, $"kubectl answered {afterDecision.TotalMilliseconds:0} ms after the decision");
        Assert.Equal(before, await ReplicasAsync());
        Assert.NotEqual("7", before);
        Assert.Equal(["requested", "notified", "notified", "decided"], steps.Select(s => s.Text(JournalProperty.Step)));
        Assert.Equal("denied", steps[3].Text(JournalProperty.Outcome));
        Assert.Equal("e2e: not during the sale", steps[3].Text(JournalProperty.Comment));
    }

    [Fact]
    public async Task RolloutRestart_TwiceWhilePending_JoinsOneApprovalAndBothAreDenied()
    {
        var gets = ApprovalProbe.Received(fixture, "GET", "/deployments/web");
        var one = Task.Run(() => fixture.Kubectl.RunAsync(KubectlBound, "rollout", "restart", "deploy", "web", "-n", "default"));
        var pending = await ApprovalProbe.WaitForPendingAsync(fixture, a => a.Method == "PATCH" && a.Target.StartsWith("/apis/apps/v1/namespaces/default/deployments/web", StringComparison.Ordinal) && a.Subresource.Length == 0);

        // kubectl stamps restartedAt to the second: let the second run stamp a different time.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var two = Task.Run(() => fixture.Kubectl.RunAsync(KubectlBound, "rollout", "restart", "deploy", "web", "-n", "default"));
        while (ApprovalProbe.Received(fixture, "GET", "/deployments/web") < gets + 2)
        {
            await Task.Delay(25);
        }

        // The second run's PATCH follows its GET: give it time to reach the gate and join.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await ApprovalProbe.PendingAsync(fixture), a => a.Target.StartsWith("/apis/apps/v1/namespaces/default/deployments/web", StringComparison.Ordinal) && a.Subresource.Length == 0);
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["approvals", "deny", pending.ApprovalId, "--state-dir", fixture.StateDir, "--as", "bob", "--comment", "e2e: no restarts"]));

        var results = await Task.WhenAll(one, two);
        Assert.All(results, r => Assert.Contains($"approval {pending.ApprovalId} was denied by", r.Stderr, StringComparison.Ordinal));
        Assert.Equal(0, ApprovalProbe.Received(fixture, "PATCH", "/deployments/web"));
    }

    [Fact]
    public async Task ApproveAndDeny_Journal_VerifiesAndTheEvidenceReportShowsBoth()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var (approved, approvedId, _) = await ScaleAndDecideAsync(2, "approve", "e2e evidence: approve");
        var (denied, deniedId, _) = await ScaleAndDecideAsync(9, "deny", "e2e evidence: deny");
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.NotEqual(0, denied.ExitCode);
        await ApprovalProbe.FlushAsync(fixture);
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        var report = Path.Combine(fixture.StateDir, "evidence-approvals.json");

        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["audit", "verify", "--state-dir", fixture.StateDir, "--session", fixture.Gateway.Demo.Session.Id]));
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(
            ["audit", "evidence", "--from", from.ToString("O"), "--to", to.ToString("O"), "--format", "json", "--out", report, "--state-dir", fixture.StateDir]));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
        var approvals = json.RootElement.GetProperty("approvals").EnumerateArray().ToList();
        var yes = Assert.Single(approvals, a => a.GetProperty("approvalId").GetString() == approvedId);
        var no = Assert.Single(approvals, a => a.GetProperty("approvalId").GetString() == deniedId);
        Assert.Equal("approved", yes.GetProperty("decision").GetString());
        Assert.Equal("e2e evidence: approve", yes.GetProperty("comment").GetString());
        Assert.EndsWith("#bob", yes.GetProperty("approver").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.Gateway.Demo.Session.User, yes.GetProperty("requester").GetString());
        Assert.Equal("denied", no.GetProperty("decision").GetString());
        Assert.Equal("e2e evidence: deny", no.GetProperty("comment").GetString());
        Assert.EndsWith("#bob", no.GetProperty("approver").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Runs <c>kubectl scale</c>, waits for its approval, decides it as bob with the CLI, and times the rest.</summary>
    private async Task<(KubectlResult Result, string ApprovalId, TimeSpan AfterDecision)> ScaleAndDecideAsync(int replicas, string verb, string comment)
    {
        var kubectl = Task.Run(() => fixture.Kubectl.RunAsync(KubectlBound, "scale", "deploy", "web", "-n", "default", $"--replicas={replicas}"));
        var pending = await ApprovalProbe.WaitForPendingAsync(
            fixture, a => a.Target.StartsWith("/apis/apps/v1/namespaces/default/deployments/web/scale", StringComparison.Ordinal) && a.Body.Contains($"\"replicas\":{replicas}", StringComparison.Ordinal));
        Assert.Equal("scale-needs-approval", pending.Rule);
        Assert.False(kubectl.IsCompleted, "kubectl did not wait for the approval");

        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["approvals", verb, pending.ApprovalId, "--state-dir", fixture.StateDir, "--as", "bob", "--comment", comment]));
        var decided = Stopwatch.StartNew();
        var result = await kubectl;
        return (result, pending.ApprovalId, decided.Elapsed);
    }

    private async Task<string> ReplicasAsync()
    {
        var replicas = await fixture.DirectKubectl.RunAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.replicas}");
        Assert.True(replicas.ExitCode == 0, replicas.ToString());
        return replicas.Stdout.Trim();
    }
}
