using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>
/// The real kubectl (1.27 and 1.33, called directly, no gateway) against the simulated cluster: what kubectl
/// prints and what lands in the store. One cluster per version is shared by the class, so each test works on
/// objects of its own or puts back what it changes.
/// </summary>
public sealed partial class SimulatedClusterKubectlTests(KubectlClustersFixture fixture) : IClassFixture<KubectlClustersFixture>
{
    public static TheoryData<string> Versions => [.. KubectlClustersFixture.GitVersions.Keys];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Version_Server_ReportsTheClustersVersion(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("version", "-o", "json")).EnsureSuccess();

        var server = JsonNode.Parse(result.Stdout)!["serverVersion"]!;
        Assert.Equal(KubectlClustersFixture.GitVersions[version], server["gitVersion"]!.GetValue<string>());
        Assert.Equal(version.Split('.')[1], server["minor"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetPods_OutputJson_ListsSeededPods(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("get", "pods", "-o", "json")).EnsureSuccess();

        var list = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("List", list["kind"]!.GetValue<string>());
        var names = list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("web-abc12", names);
        Assert.Contains("web-def34", names);
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("default", i!["metadata"]!["namespace"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetPods_AllNamespaces_PrintsATableAcrossNamespaces(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("get", "pods", "-A")).EnsureSuccess();

        var rows = Rows(result.Stdout);
        Assert.Equal(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"], rows[0]);
        Assert.Contains(rows, r => r[0] == "kube-system" && r[1].StartsWith("coredns-", StringComparison.Ordinal) && r[2] == "1/1" && r[3] == "Running");
        Assert.Contains(rows, r => r[0] == "default" && r[1] == "web-abc12");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ApiResources_Discovery_ListsServedResourcesWithShortNames(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("api-resources")).EnsureSuccess();

        var rows = Rows(result.Stdout);
        Assert.Contains(["pods", "po", "v1", "true", "Pod"], rows);
        Assert.Contains(["deployments", "deploy", "apps/v1", "true", "Deployment"], rows);
        Assert.Contains(["statefulsets", "sts", "apps/v1", "true", "StatefulSet"], rows);
        Assert.Contains(["namespaces", "ns", "v1", "false", "Namespace"], rows);
        Assert.Contains(["events", "ev", "v1", "true", "Event"], rows);
        Assert.Contains(["secrets", "v1", "true", "Secret"], rows);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetSecret_Yaml_PrintsTheSecretsData(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("get", "secret", "web-secret", "-o", "yaml")).EnsureSuccess();

        Assert.Contains("kind: Secret", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  password: czNjcjN0LXBhc3N3MHJk", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  username: YWRtaW4=", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("type: Opaque", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GetPod_Missing_PrintsNotFound(string version)
    {
        var result = await fixture.Kubectl(version).RunAsync("get", "pod", "missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error from server (NotFound): pods \"missing\" not found", result.Stderr.Trim());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CreateConfigMap_ExistingName_PrintsTheAlreadyExistsMessage(string version)
    {
        var result = await fixture.Kubectl(version).RunAsync("create", "configmap", "web-config", "--from-literal=a=b");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: failed to create configmap: configmaps \"web-config\" already exists", result.Stderr.Trim());
    }

    /// <summary>kubectl's table output as rows of cells (split on runs of spaces).</summary>
    private static List<string[]> Rows(string table) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
