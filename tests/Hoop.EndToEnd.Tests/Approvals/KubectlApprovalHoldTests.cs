using System.Text.RegularExpressions;
using Hoop.Cli;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Recording;
using Hoop.Tests.Shared;

namespace Hoop.EndToEnd.Tests.Approvals;

/// <summary>
/// The hold's end and the rule's timeout with the real kubectl: a call held past the hold gets the "pending; run the same
/// command again once approved" Forbidden; once approved, the same command forwards exactly once; an approval nobody
/// decides expires with a message naming the timeout.
/// </summary>
public sealed partial class KubectlApprovalHoldTests(ShortHoldApprovalGateway fixture) : IClassFixture<ShortHoldApprovalGateway>
{
    private static readonly TimeSpan KubectlBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Scale_HoldEndsBeforeTheDecision_PendingThenTheApprovedRetryForwardsExactlyOnce()
    {
        string[] scale = ["scale", "deploy", "web", "-n", "default", "--replicas=4"];
        var before = ApprovalProbe.Received(fixture, "PATCH", "/deployments/web/scale");

        var held = await fixture.Kubectl.RunAsync(KubectlBound, scale);

        Assert.NotEqual(0, held.ExitCode);
        var match = PendingMessage().Match(held.Stderr);
        Assert.True(match.Success, held.ToString());
        var approvalId = match.Groups["id"].Value;
        Assert.Contains("Error from server (Forbidden): approval " + approvalId + " is pending; run the same command again once approved", held.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, ApprovalProbe.Received(fixture, "PATCH", "/deployments/web/scale"));

        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["approvals", "approve", approvalId, "--state-dir", fixture.StateDir, "--as", "bob"]));
        var again = await fixture.Kubectl.RunAsync(KubectlBound, scale);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before + 1, ApprovalProbe.Received(fixture, "PATCH", "/deployments/web/scale"));
        var replicas = await fixture.DirectKubectl.RunAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.replicas}");
        Assert.Equal("4", replicas.Stdout.Trim());
        var steps = await ApprovalProbe.StepsAsync(fixture, approvalId);
        Assert.Equal(["requested", "notified", "notified", "decided", "executed"], steps.Select(s => s.Text(JournalProperty.Step)));

        // The approval was used: the same command once more is a new execution and asks again.
        var third = await fixture.Kubectl.RunAsync(KubectlBound, scale);
        var next = PendingMessage().Match(third.Stderr);
        Assert.True(next.Success, third.ToString());
        Assert.NotEqual(approvalId, next.Groups["id"].Value);
        Assert.Equal(before + 1, ApprovalProbe.Received(fixture, "PATCH", "/deployments/web/scale"));
    }

    [Fact]
    public async Task LabelConfigMap_RuleTimeoutPassesWithoutADecision_ForbiddenSaysExpired()
    {
        string[] label = ["label", "configmap", "web-config", "-n", "default", "e2e=expired", "--overwrite"];
        var before = ApprovalProbe.Received(fixture, "PATCH", "/configmaps/web-config");
        KubectlResult result;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);

        // The rule's timeout (2 s) and the hold (2 s) race: the first answer may be "pending"; the same command then
        // finds the approval expired.
        do
        {
            result = await fixture.Kubectl.RunAsync(KubectlBound, label);
        }
        while (!result.Stderr.Contains("expired without a decision", StringComparison.Ordinal) && DateTimeOffset.UtcNow < deadline);

        Assert.NotEqual(0, result.ExitCode);
        var expired = ExpiredMessage().Match(result.Stderr);
        Assert.True(expired.Success, result.ToString());
        Assert.Contains("Error from server (Forbidden): approval " + expired.Groups["id"].Value + " expired without a decision (timeout 00:00:02)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, ApprovalProbe.Received(fixture, "PATCH", "/configmaps/web-config"));
        var steps = await ApprovalProbe.StepsAsync(fixture, expired.Groups["id"].Value);
        var decided = Assert.Single(steps, s => s.Text(JournalProperty.Step) == "decided");
        Assert.Equal("expired", decided.Text(JournalProperty.Outcome));
        Assert.Null(decided.Text(JournalProperty.Actor));
    }

    [GeneratedRegex(@"approval (?<id>ap-[0-9a-f]+) is pending")]
    private static partial Regex PendingMessage();

    [GeneratedRegex(@"approval (?<id>ap-[0-9a-f]+) expired without a decision")]
    private static partial Regex ExpiredMessage();
}
