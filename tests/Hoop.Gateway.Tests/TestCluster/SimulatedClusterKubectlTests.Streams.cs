using System.Net.Http.Json;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>kubectl commands that keep a stream open: <c>get -w</c> and <c>logs -f</c>.</summary>
public sealed partial class SimulatedClusterKubectlTests
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetDeployments_Watch_PrintsModifiedEventWhenScaled(string version)
    {
        var cluster = fixture.Cluster(version);
        await using var watch = fixture.Kubectl(version).Start("get", "deploy", "-n", "kube-system", "-w", "--output-watch-events");
        await watch.WaitForLineAsync(l => l.StartsWith("ADDED", StringComparison.Ordinal) && l.Contains("coredns", StringComparison.Ordinal), StreamTimeout);

        using var client = ClusterHttp.CreateClient(cluster);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/apis/apps/v1/namespaces/kube-system/deployments/coredns")
        {
            Content = JsonContent.Create(new { spec = new { replicas = 2 } }, new System.Net.Http.Headers.MediaTypeHeaderValue("application/merge-patch+json")),
        };
        using var response = await client.SendAsync(patch);
        response.EnsureSuccessStatusCode();

        var modified = await watch.WaitForLineAsync(l => l.StartsWith("MODIFIED", StringComparison.Ordinal), StreamTimeout);
        Assert.Equal(["MODIFIED", "coredns", "2/2", "2", "2"], modified.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task LogsFollow_LineAppendedAfterStart_IsPrinted(string version)
    {
        var cluster = fixture.Cluster(version);
        await using var logs = fixture.Kubectl(version).Start("logs", "-f", "db-0");
        await logs.WaitForLineAsync(l => l.Contains("database system is ready", StringComparison.Ordinal), StreamTimeout);

        var line = $"checkpoint complete {Guid.NewGuid():N}";
        cluster.AppendLog("default", "db-0", "postgres", line);

        Assert.Equal(line, await logs.WaitForLineAsync(l => l.StartsWith("checkpoint", StringComparison.Ordinal), StreamTimeout));
    }
}
