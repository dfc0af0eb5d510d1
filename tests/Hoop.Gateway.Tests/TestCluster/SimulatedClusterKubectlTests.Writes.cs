using System.Text;
using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>kubectl commands that change the cluster: apply, scale, rollout restart, delete, create.</summary>
public sealed partial class SimulatedClusterKubectlTests
{
    private static readonly string Assets = Path.Combine(AppContext.BaseDirectory, "assets", "TestCluster");

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Apply_ManifestTwice_CreatesThenUpdates(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var store = fixture.Cluster(version).Store;

        var created = (await kubectl.RunAsync("apply", "-f", Path.Combine(Assets, "apply-v1.yaml"))).EnsureSuccess();
        Assert.Contains("deployment.apps/shopfront created", created.Stdout, StringComparison.Ordinal);
        Assert.Contains("configmap/shopfront-config created", created.Stdout, StringComparison.Ordinal);
        Assert.Equal("example/shopfront:1.0", Text(Container(store.Get("apps", "v1", "deployments", "default", "shopfront")!, "shopfront")["image"]));

        var updated = (await kubectl.RunAsync("apply", "-f", Path.Combine(Assets, "apply-v2.yaml"))).EnsureSuccess();
        Assert.Contains("deployment.apps/shopfront configured", updated.Stdout, StringComparison.Ordinal);
        Assert.Contains("configmap/shopfront-config configured", updated.Stdout, StringComparison.Ordinal);
        Assert.Empty(updated.Stderr);
        var deployment = store.Get("apps", "v1", "deployments", "default", "shopfront")!;
        Assert.Equal(2, deployment["spec"]!["replicas"]!.GetValue<int>());
        var shopfront = Container(deployment, "shopfront");
        Assert.Equal("example/shopfront:2.0", Text(shopfront["image"]));
        Assert.Equal("green", Text(shopfront["env"]![0]!["value"]));
        Assert.Equal("example/proxy:1.0", Text(Container(deployment, "sidecar")["image"]));
        Assert.Equal(2, deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Count);
        Assert.DoesNotContain("$setElementOrder", deployment.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("hello again", Text(store.Get("", "v1", "configmaps", "default", "shopfront-config")!["data"]!["greeting"]));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ApplyServerSide_ManifestTwice_CreatesThenUpdates(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var store = fixture.Cluster(version).Store;

        var created = (await kubectl.RunAsync("apply", "--server-side", "-f", Path.Combine(Assets, "server-side-v1.yaml"))).EnsureSuccess();
        Assert.Contains("configmap/ssa-config serverside-applied", created.Stdout, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/ssa-worker serverside-applied", created.Stdout, StringComparison.Ordinal);
        Assert.Equal("one", Text(store.Get("", "v1", "configmaps", "shop", "ssa-config")!["data"]!["mode"]));

        (await kubectl.RunAsync("apply", "--server-side", "-f", Path.Combine(Assets, "server-side-v2.yaml"))).EnsureSuccess();
        Assert.Equal("two", Text(store.Get("", "v1", "configmaps", "shop", "ssa-config")!["data"]!["mode"]));
        Assert.Equal("example/worker:2.0", Text(Container(store.Get("apps", "v1", "deployments", "shop", "ssa-worker")!, "worker")["image"]));
        var applies = fixture.Cluster(version).Received.Where(r => r.Method == "PATCH" && r.RawTarget.Contains("ssa-config", StringComparison.Ordinal)).ToList();
        Assert.All(applies, r => Assert.Equal("application/apply-patch+yaml", r.Header("Content-Type")));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Scale_Deployment_ChangesReplicasInTheStore(string version)
    {
        var kubectl = fixture.Kubectl(version);
        var store = fixture.Cluster(version).Store;

        var result = (await kubectl.RunAsync("scale", "deploy", "web", "--replicas=3")).EnsureSuccess();

        Assert.Equal("deployment.apps/web scaled", result.Stdout.Trim());
        var web = store.Get("apps", "v1", "deployments", "default", "web")!;
        Assert.Equal(3, web["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(3, web["status"]!["replicas"]!.GetValue<int>());
        Assert.Equal(3, store.List("", "v1", "pods", "default").Count(p => Text(p["metadata"]!["labels"]?["app"]) == "web"));

        (await kubectl.RunAsync("scale", "deploy", "web", "--replicas=2")).EnsureSuccess();
        Assert.NotNull(store.Get("", "v1", "pods", "default", "web-abc12"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task RolloutRestart_Deployment_StampsTheTemplate(string version)
    {
        var store = fixture.Cluster(version).Store;
        var generation = store.Get("apps", "v1", "deployments", "default", "web")!["metadata"]!["generation"]!.GetValue<long>();

        var result = (await fixture.Kubectl(version).RunAsync("rollout", "restart", "deploy", "web")).EnsureSuccess();

        Assert.Equal("deployment.apps/web restarted", result.Stdout.Trim());
        var web = store.Get("apps", "v1", "deployments", "default", "web")!;
        Assert.True(DateTimeOffset.TryParse(Text(web["spec"]!["template"]!["metadata"]!["annotations"]!["kubectl.kubernetes.io/restartedAt"]), out _));
        Assert.Equal(generation + 1, web["metadata"]!["generation"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task DeletePod_Existing_RemovesIt(string version)
    {
        var store = fixture.Cluster(version).Store;
        store.Upsert("", "v1", "pods", JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "doomed", "namespace": "default"},
             "spec": {"containers": [{"name": "app", "image": "busybox"}]}}
            """)!.AsObject());

        var result = (await fixture.Kubectl(version).RunAsync("delete", "pod", "doomed")).EnsureSuccess();

        Assert.Equal("pod \"doomed\" deleted", result.Stdout.Trim());
        Assert.Null(store.Get("", "v1", "pods", "default", "doomed"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task DeletePods_AllInNamespace_EmptiesTheNamespace(string version)
    {
        var store = fixture.Cluster(version).Store;
        Assert.NotEmpty(store.List("", "v1", "pods", "shop"));

        var result = (await fixture.Kubectl(version).RunAsync("delete", "pods", "--all", "-n", "shop")).EnsureSuccess();

        Assert.Contains("pod \"cart-5f7c9d8b6-mx2qp\" deleted", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(store.List("", "v1", "pods", "shop"));
        Assert.NotEmpty(store.List("", "v1", "pods", "default"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CreateSecretGeneric_Literal_StoresBase64Data(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("create", "secret", "generic", "api-token", "--from-literal=token=s3cr3t")).EnsureSuccess();

        Assert.Equal("secret/api-token created", result.Stdout.Trim());
        var secret = fixture.Cluster(version).Store.Get("", "v1", "secrets", "default", "api-token")!;
        Assert.Equal("Opaque", Text(secret["type"]));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cr3t")), Text(secret["data"]!["token"]));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CreateToken_ServiceAccount_IssuesATokenTheClusterAccepts(string version)
    {
        var result = (await fixture.Kubectl(version).RunAsync("create", "token", "default", "--duration=1h")).EnsureSuccess();

        var token = result.Stdout.Trim();
        Assert.Equal(3, token.Split('.').Length);
        using var client = ClusterHttp.CreateClient(fixture.Cluster(version), token);
        using var response = await client.GetAsync(new Uri("/api/v1/namespaces/default/pods", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonNode Container(JsonNode workload, string name) =>
        workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single(c => Text(c!["name"]) == name)!;
}
