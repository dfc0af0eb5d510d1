using System.Text.Json.Nodes;
using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.KubectlSuite;

/// <summary>
/// The real kubectl through <c>hoop serve --demo</c> to the simulated cluster. Run once with the oldest and once with the
/// newest kubectl on the machine (the derived classes).
/// </summary>
public abstract class KubectlThroughGatewayTests(DemoGatewayFixture fixture)
{
    private static string Manifest(string name) => Path.Combine(AppContext.BaseDirectory, "assets", "manifests", name);

    [Fact]
    public async Task GetPods_AllNamespaces_ListsSeededPods()
    {
        var result = await fixture.Kubectl.RunAsync("get", "pods", "-A");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("web-abc12", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPodsJson_ThroughGateway_SameItemsAsDirect()
    {
        var viaGateway = await fixture.Kubectl.RunAsync("get", "pods", "-n", "default", "-o", "json");
        var direct = await fixture.DirectKubectl.RunAsync("get", "pods", "-n", "default", "-o", "json");

        Assert.True(viaGateway.ExitCode == 0, viaGateway.ToString());
        Assert.True(direct.ExitCode == 0, direct.ToString());
        var names = (string output) => JsonNode.Parse(output)!["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).Order().ToArray();
        Assert.NotEmpty(names(viaGateway.Stdout));
        Assert.Equal(names(direct.Stdout), names(viaGateway.Stdout));
    }

    [Fact]
    public async Task GetDeployWatch_ChangeHappens_LineArrivesWhileStreamIsOpen()
    {
        using var watch = fixture.Kubectl.Stream("get", "deploy", "-n", "default", "-w");
        Assert.NotNull(await watch.WaitForLineAsync(l => l.StartsWith("web ", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));

        var scale = await fixture.DirectKubectl.RunAsync("scale", "deploy", "web", "-n", "default", "--replicas=4");
        Assert.True(scale.ExitCode == 0, scale.ToString());

        var changed = await watch.WaitForLineAsync(l => l.StartsWith("web ", StringComparison.Ordinal) && l.Contains("/4", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.True(changed is not null, "no watch line for the change; stderr: " + watch.Stderr);
        Assert.False(watch.HasExited, "the watch should still be open: lines must stream, not arrive at the end");
    }

    [Fact]
    public async Task LogsFollow_LineWrittenAfterStart_ArrivesWhileStreamIsOpen()
    {
        using var logs = fixture.Kubectl.Stream("logs", "-f", "web-abc12", "-n", "default");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var marker = "e2e-" + Guid.NewGuid().ToString("N");

        fixture.Cluster.AppendLog("default", "web-abc12", "web", marker);

        var line = await logs.WaitForLineAsync(l => l.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.True(line is not null, "the appended log line did not arrive; stderr: " + logs.Stderr);
        Assert.False(logs.HasExited, "logs -f should still be open");
    }

    [Fact]
    public async Task Apply_CreateThenChange_UpdatesTheObject()
    {
        var created = await fixture.Kubectl.RunAsync("apply", "-f", Manifest("configmap-v1.yaml"));
        var configured = await fixture.Kubectl.RunAsync("apply", "-f", Manifest("configmap-v2.yaml"));

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(configured.ExitCode == 0, configured.ToString());
        var stored = await fixture.DirectKubectl.RunAsync("get", "configmap", "e2e-settings", "-n", "default", "-o", "jsonpath={.data.mode}");
        Assert.Equal("second", stored.Stdout.Trim());
    }

    [Fact]
    public async Task Scale_Deployment_ChangesReplicas()
    {
        var result = await fixture.Kubectl.RunAsync("scale", "statefulset", "db", "-n", "default", "--replicas=3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stored = await fixture.DirectKubectl.RunAsync("get", "statefulset", "db", "-n", "default", "-o", "jsonpath={.spec.replicas}");
        Assert.Equal("3", stored.Stdout.Trim());
    }

    [Fact]
    public async Task RolloutRestart_Deployment_StampsRestartedAt()
    {
        var result = await fixture.Kubectl.RunAsync("rollout", "restart", "deploy", "web", "-n", "default");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stored = await fixture.DirectKubectl.RunAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.template.metadata.annotations}");
        Assert.Contains("kubectl.kubernetes.io/restartedAt", stored.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Pod_RemovesIt()
    {
        var created = await fixture.DirectKubectl.RunAsync("apply", "-f", Manifest("pod-disposable.yaml"));
        Assert.True(created.ExitCode == 0, created.ToString());

        var deleted = await fixture.Kubectl.RunAsync("delete", "pod", "disposable", "-n", "default", "--wait=false");

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var lookup = await fixture.DirectKubectl.RunAsync("get", "pod", "disposable", "-n", "default");
        Assert.Contains("NotFound", lookup.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiResources_ThroughGateway_ListsCoreAndAppsResources()
    {
        var result = await fixture.Kubectl.RunAsync("api-resources");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deployments", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("pods", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingPod_PrintsUpstreamNotFound()
    {
        var result = await fixture.Kubectl.RunAsync("get", "pod", "no-such-pod", "-n", "default");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (NotFound): pods \"no-such-pod\" not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_Pod_RefusedWithClearMessage()
    {
        var result = await fixture.Kubectl.RunAsync(TimeSpan.FromSeconds(30), "exec", "web-abc12", "-n", "default", "--", "ls");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("does not carry interactive streams", result.Stderr, StringComparison.Ordinal);
    }
}
