using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>The simulated cluster over plain HTTP: Status shapes, authentication, recording, discovery and OpenAPI.</summary>
public sealed partial class SimulatedClusterTests : IAsyncLifetime
{
    private const string StatusErrors = "status-errors.json";

    private SimulatedCluster _cluster = null!;
    private HttpClient _client = null!;

    public static TheoryData<string> StatusErrorCases => TestClusterAssets.CaseNames(StatusErrors);

    public async Task InitializeAsync()
    {
        _cluster = await SimulatedCluster.StartAsync();
        _client = ClusterHttp.CreateClient(_cluster);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Request_WithoutToken_IsUnauthorized()
    {
        using var client = ClusterHttp.CreateClient(_cluster, token: "wrong");

        using var response = await client.GetAsync(new Uri("/api/v1/namespaces/default/pods", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(StatusErrorCases))]
    public async Task Request_Failing_ReturnsTheApiserversStatus(string name)
    {
        var example = TestClusterAssets.Cases(StatusErrors)[name];
        using var request = new HttpRequestMessage(new HttpMethod(example["method"]!.GetValue<string>()), example["path"]!.GetValue<string>());
        if (example["body"] is { } body)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(example["status"]!.GetValue<int>(), (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        // Same members, same values, same order (re-serialised the same way, so escaping does not matter).
        Assert.Equal(example["response"]!.ToJsonString(), JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString());
    }

    [Fact]
    public async Task Received_Request_KeepsTheRawTargetHeadersAndBody()
    {
        const string Target = "/api/v1/namespaces/default/configmaps?labelSelector=app%3Dweb&fieldManager=test%2Bone";
        _cluster.ClearReceived();

        using var response = await _client.PostAsync(new Uri(Target, UriKind.Relative), new StringContent("""{"metadata":{"name":"recorded"}}""", Encoding.UTF8, "application/json"));

        var received = Assert.Single(_cluster.Received);
        Assert.Equal("POST", received.Method);
        Assert.Equal(Target, received.RawTarget);
        Assert.Equal($"Bearer {_cluster.BearerToken}", received.Header("authorization"));
        Assert.Equal("""{"metadata":{"name":"recorded"}}""", Encoding.UTF8.GetString(received.Body.Span));
    }

    [Fact]
    public async Task RequireImpersonation_WithoutImpersonateUser_IsForbidden()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RequireImpersonation = true, BearerToken = "fixed-token" });
        using var client = ClusterHttp.CreateClient(cluster);

        using var refused = await client.GetAsync(new Uri("/api/v1/namespaces/default/pods", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/pods") { Headers = { { "Impersonate-User", "alice" } } };
        using var accepted = await client.SendAsync(request);

        Assert.Equal("fixed-token", cluster.BearerToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Forbidden", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Discovery_AggregatedAccept_AnswersLegacyJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis/apps/v1");
        request.Headers.Accept.ParseAdd("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await _client.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("APIResourceList", list["kind"]!.GetValue<string>());
        var scale = list["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "deployments/scale")!;
        Assert.Equal(("autoscaling", "v1", "Scale"), (scale["group"]!.GetValue<string>(), scale["version"]!.GetValue<string>(), scale["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Version_Default_DerivesMajorAndMinor()
    {
        var version = JsonNode.Parse(await _client.GetStringAsync(new Uri("/version", UriKind.Relative)))!;

        Assert.Equal(("1", "33", "v1.33.0"), (version["major"]!.GetValue<string>(), version["minor"]!.GetValue<string>(), version["gitVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApiV2_ProtobufAccept_AnswersAProtobufDocument()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v2");
        request.Headers.TryAddWithoutValidation("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");

        using var response = await _client.SendAsync(request);

        Assert.Equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", response.Content.Headers.NonValidated["Content-Type"].ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x0A, 0x03, (byte)'2', (byte)'.', (byte)'0'], body[..5]);
    }

    [Fact]
    public async Task OpenApiV3_GroupVersion_AdvertisesFieldValidationOnPatch()
    {
        var root = JsonNode.Parse(await _client.GetStringAsync(new Uri("/openapi/v3", UriKind.Relative)))!;
        var url = root["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();

        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("public, immutable", response.Headers.CacheControl?.ToString());
        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("Deployment", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        Assert.NotNull(patch["requestBody"]!["content"]!["application/strategic-merge-patch+json"]);
    }

    private async Task<JsonNode> SendJsonAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
