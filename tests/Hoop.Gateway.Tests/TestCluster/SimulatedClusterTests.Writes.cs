using System.Net;
using Hoop.TestCluster.OpenApi;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>Writes over HTTP: the patch types, server-side apply, dry runs and protobuf bodies.</summary>
public sealed partial class SimulatedClusterTests
{
    private const string Web = "/apis/apps/v1/namespaces/default/deployments/web";
    private const string ImagePatch = """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}""";

    [Fact]
    public async Task Patch_StrategicMerge_MergesContainersByName()
    {
        var web = await SendJsonAsync(HttpMethod.Patch, Web, ImagePatch, "application/strategic-merge-patch+json");

        var container = Assert.Single(web["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal("nginx:1.28", container["image"]!.GetValue<string>());
        Assert.NotNull(container["ports"]);
    }

    [Fact]
    public async Task Patch_MergePatch_ReplacesTheContainerList()
    {
        var web = await SendJsonAsync(HttpMethod.Patch, Web, ImagePatch, "application/merge-patch+json");

        var container = Assert.Single(web["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal("nginx:1.28", container["image"]!.GetValue<string>());
        Assert.Null(container["ports"]);
    }

    [Fact]
    public async Task Patch_JsonPatch_AppliesOperationsAndBumpsGeneration()
    {
        var web = await SendJsonAsync(HttpMethod.Patch, Web, """[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":4}]""", "application/json-patch+json");

        Assert.Equal(4, web["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(4, web["status"]!["replicas"]!.GetValue<int>());
        Assert.Equal(2, web["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_JsonPatchFailingTest_IsInvalid()
    {
        var status = await SendJsonAsync(HttpMethod.Patch, Web, """[{"op":"test","path":"/spec/replicas","value":7}]""", "application/json-patch+json", HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal(2, _cluster.Store.Get("apps", "v1", "deployments", "default", "web")!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_UnknownMediaType_IsUnsupported()
    {
        var status = await SendJsonAsync(HttpMethod.Patch, Web, "{}", "application/json", HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("UnsupportedMediaType", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApplyPatch_MissingObject_CreatesItFromYaml()
    {
        const string Yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  replicas: \"3\"\n";

        var created = await SendJsonAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/applied?fieldManager=test", Yaml, "application/apply-patch+yaml", HttpStatusCode.Created);
        var missingManager = await SendJsonAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/applied", Yaml, "application/apply-patch+yaml", HttpStatusCode.UnprocessableEntity);

        Assert.Equal("3", created["data"]!["replicas"]!.GetValue<string>());
        Assert.Equal("3", _cluster.Store.Get("", "v1", "configmaps", "default", "applied")!["data"]!["replicas"]!.GetValue<string>());
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", missingManager["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task DryRun_CreateAndDelete_ChangeNothing()
    {
        var before = _cluster.Store.ResourceVersion;

        var created = await SendJsonAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?dryRun=All", """{"metadata":{"generateName":"dry-"}}""", expected: HttpStatusCode.Created);
        await SendJsonAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/web-config", """{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}""");

        Assert.StartsWith("dry-", created["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(_cluster.Store.Get("", "v1", "configmaps", "default", created["metadata"]!["name"]!.GetValue<string>()));
        Assert.NotNull(_cluster.Store.Get("", "v1", "configmaps", "default", "web-config"));
        Assert.Equal(before, _cluster.Store.ResourceVersion);
    }

    [Fact]
    public async Task Delete_Deployment_ReturnsSuccessStatusAndTakesItsPods()
    {
        var status = await SendJsonAsync(HttpMethod.Delete, Web);

        Assert.Equal("Success", status["status"]!.GetValue<string>());
        Assert.Equal("deployments", status["details"]!["kind"]!.GetValue<string>());
        Assert.DoesNotContain(_cluster.Store.List("", "v1", "pods", "default"), p => p["metadata"]!["labels"]!["app"]!.GetValue<string>() == "web");
    }

    [Fact]
    public async Task Scale_UpThenDown_AddsPodsThenRemovesTheNewestFirst()
    {
        var seeded = _cluster.Store.Get("", "v1", "pods", "default", "web-abc12")!;
        seeded["metadata"]!["labels"]!["touched"] = "after-creation";
        _cluster.Store.Upsert("", "v1", "pods", seeded);

        await SendJsonAsync(HttpMethod.Patch, $"{Web}/scale", """{"spec":{"replicas":4}}""", "application/merge-patch+json");
        var scaledUp = WebPods();
        await SendJsonAsync(HttpMethod.Patch, $"{Web}/scale", """{"spec":{"replicas":1}}""", "application/merge-patch+json");

        Assert.Equal(4, scaledUp.Count);
        Assert.All(scaledUp.Except(["web-abc12", "web-def34"]), name => Assert.StartsWith("web-", name, StringComparison.Ordinal));
        Assert.Equal(["web-abc12"], WebPods());
    }

    [Fact]
    public async Task Delete_Namespace_TerminatesThenRemovesItsContent()
    {
        var deleted = await SendJsonAsync(HttpMethod.Delete, "/api/v1/namespaces/shop");
        var refused = await SendJsonAsync(HttpMethod.Post, "/api/v1/namespaces/shop/configmaps", """{"metadata":{"name":"late"}}""", expected: HttpStatusCode.Forbidden);
        Assert.NotEmpty(_cluster.Store.List("", "v1", "pods", "shop"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_cluster.Store.Get("", "v1", "namespaces", null, "shop") is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal("Terminating", deleted["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("configmaps \"late\" is forbidden: unable to create new content in namespace shop because it is being terminated", refused["message"]!.GetValue<string>());
        Assert.Null(_cluster.Store.Get("", "v1", "namespaces", null, "shop"));
        Assert.Empty(_cluster.Store.List("", "v1", "pods", "shop"));
        Assert.Empty(_cluster.Store.List("", "v1", "secrets", "shop"));
    }

    [Fact]
    public async Task Create_ProtobufBody_IsDecoded()
    {
        var secret = new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(1, "from-protobuf"))
            .Message(2, new ProtobufWriter().String(1, "key").String(2, "value"));
        byte[] body = [.. "k8s\0"u8.ToArray(), .. new ProtobufWriter().Message(1, new ProtobufWriter().String(1, "v1").String(2, "Secret")).Message(2, secret).ToArray()];
        using var content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/vnd.kubernetes.protobuf" } } };

        using var response = await _client.PostAsync(new Uri("/api/v1/namespaces/default/secrets", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = _cluster.Store.Get("", "v1", "secrets", "default", "from-protobuf")!;
        Assert.Equal(("dmFsdWU=", "Opaque"), (stored["data"]!["key"]!.GetValue<string>(), stored["type"]!.GetValue<string>()));
    }

    private List<string> WebPods() =>
        [.. _cluster.Store.List("", "v1", "pods", "default").Where(p => p["metadata"]!["labels"]!["app"]!.GetValue<string>() == "web").Select(p => p["metadata"]!["name"]!.GetValue<string>())];
}
