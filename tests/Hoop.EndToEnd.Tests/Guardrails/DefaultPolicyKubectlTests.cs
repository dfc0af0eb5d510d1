using System.Text;
using System.Text.Json.Nodes;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Requests;

namespace Hoop.EndToEnd.Tests.Guardrails;

/// <summary>The default policy with the real kubectl: what an AI agent may not do is refused, and nothing reaches the cluster.</summary>
public sealed class DefaultPolicyKubectlTests(DefaultPolicyGateway fixture) : IClassFixture<DefaultPolicyGateway>
{
    [Fact]
    public async Task DeletePod_DefaultPolicy_ForbiddenNamingTheRuleAndPodStillExists()
    {
        var result = await fixture.Kubectl.RunAsync("delete", "pod", "web-def34", "-n", "default");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (Forbidden): blocked by rule \"no-delete\": Deleting is not allowed for AI agents", result.Stderr, StringComparison.Ordinal);
        var still = await fixture.DirectKubectl.RunAsync("get", "pod", "web-def34", "-n", "default");
        Assert.True(still.ExitCode == 0, still.ToString());
    }

    [Fact]
    public async Task DeleteAllPods_DefaultPolicy_DeletesNothing()
    {
        var before = await fixture.DirectKubectl.RunAsync("get", "pods", "-n", "shop", "-o", "name");

        var result = await fixture.Kubectl.RunAsync("delete", "pods", "--all", "-n", "shop");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-delete", result.Stderr, StringComparison.Ordinal);
        var after = await fixture.DirectKubectl.RunAsync("get", "pods", "-n", "shop", "-o", "name");
        Assert.NotEmpty(before.Stdout.Trim());
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Theory]
    [InlineData("does not carry interactive streams", "exec", "web-abc12", "-n", "default", "--", "ls")]
    [InlineData("no-token-minting", "create", "token", "default", "-n", "default")]
    public async Task RefusedCommand_DefaultPolicy_PrintsAClearMessage(string expected, params string[] args)
    {
        var result = await fixture.Kubectl.RunAsync(TimeSpan.FromSeconds(30), args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPods_DefaultPolicy_Works()
    {
        var result = await fixture.Kubectl.RunAsync("get", "pods", "-A");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("web-abc12", result.Stdout, StringComparison.Ordinal);
    }

    // Scaling under the default policy waits for an approval: Approvals/KubectlApprovalTests (approve, deny, replicas).

    /// <summary>
    /// The policy's bypass table (tests/Hoop.Gateway.Tests/assets/policy/bypass.jsonl) replayed through the real proxy:
    /// a request judged block, approve or refuse never reaches the cluster; an allowed one does.
    /// </summary>
    [Fact]
    public async Task BypassTable_ThroughTheProxy_NoBlockedRequestReachesUpstream()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "assets", "policy", "bypass.jsonl"));
        var leaks = new List<string>();
        var checkedCount = 0;
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            var item = JsonNode.Parse(line)!;
            var name = (string)item["name"]!;
            var method = (string)item["method"]!;
            var target = (string)item["target"]!;
            var expected = (string)item["expectedAction"]!;
            var marker = Guid.NewGuid().ToString("N");
            var before = fixture.Cluster.Received.Count;
            var headers = new List<KeyValuePair<string, string>>
            {
                new("Authorization", "Bearer " + fixture.Gateway.Demo.SessionToken),
                new("User-Agent", "bypass/" + marker),
            };
            if ((string?)item["contentType"] is { Length: > 0 } contentType)
            {
                headers.Add(new("Content-Type", contentType));
            }

            foreach (var header in item["headers"] as JsonObject ?? [])
            {
                headers.Add(new(header.Key, (string?)header.Value ?? ""));
            }

            var (code, _) = await RawHttp.SendAsync(fixture.Gateway.Url.Port, method, "/k8s/demo" + target, headers, Encoding.UTF8.GetBytes((string?)item["body"] ?? ""));
            var reached = fixture.Cluster.Received.Skip(before).Any(r => r.Headers.TryGetValue("User-Agent", out var ua) && ua.ToString().Contains(marker, StringComparison.Ordinal));
            checkedCount++;
            if (expected != "allow" && reached)
            {
                leaks.Add($"{name}: {method} {target} was judged {expected} but reached the cluster (status {code})");
            }

            if (expected == "allow" && !reached && !IsRefusedBeforePolicy(method, target))
            {
                leaks.Add($"{name}: {method} {target} was judged allow but did not reach the cluster (status {code})");
            }
        }

        Assert.True(checkedCount > 30, $"only {checkedCount} bypass cases");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private static bool IsRefusedBeforePolicy(string method, string target)
        => !RequestTargetNormalizer.TryNormalize(target, out var normalized, out _)
           || GatewayPipeline.IsInteractive(RequestInfoResolver.Resolve(method, normalized.Path, normalized.Query));
}
