using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Requests;

namespace Hoop.EndToEnd.Tests.Gateway;

/// <summary>
/// What the gateway sends upstream and answers itself, observed at the simulated cluster (which records every raw target
/// and header it receives). Guards the invariants in docs/security/invariants.md.
/// </summary>
public sealed class GatewayForwardingTests(NewestKubectlGateway fixture) : IClassFixture<NewestKubectlGateway>
{
    private async Task<(HttpResponseMessage Response, TestCluster.ReceivedRequest? Upstream)> SendAsync(HttpRequestMessage request)
    {
        using var client = fixture.AgentClient();
        var marker = Guid.NewGuid().ToString("N");
        request.Headers.TryAddWithoutValidation("User-Agent", "e2e/" + marker);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        var upstream = fixture.Cluster.Received.LastOrDefault(r => r.Headers.TryGetValue("User-Agent", out var ua) && ua.ToString().Contains(marker, StringComparison.Ordinal));
        return (response, upstream);
    }

    [Fact]
    public async Task Forward_AgentCredentialAndImpersonationHeaders_AreStripped()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/pods");
        request.Headers.TryAddWithoutValidation("Impersonate-User", "system:admin");
        request.Headers.TryAddWithoutValidation("Impersonate-Group", "system:masters");
        request.Headers.TryAddWithoutValidation("X-Remote-User", "admin");
        request.Headers.TryAddWithoutValidation("Cookie", "a=b");

        var (response, upstream) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(upstream);
        Assert.DoesNotContain(upstream.Headers.Keys, k => k.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(upstream.Headers.Keys, k => k.Equals("X-Remote-User", StringComparison.OrdinalIgnoreCase) || k.Equals("Cookie", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Bearer " + fixture.Cluster.BearerToken, upstream.Headers["Authorization"].ToString());
    }

    [Fact]
    public async Task Forward_HeadersNamedByConnection_AreStripped()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/pods");
        request.Headers.TryAddWithoutValidation("X-Smuggled", "1");
        request.Headers.TryAddWithoutValidation("Connection", "X-Smuggled");

        var (_, upstream) = await SendAsync(request);

        Assert.NotNull(upstream);
        Assert.DoesNotContain(upstream.Headers.Keys, k => k.Equals("X-Smuggled", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forward_ProtobufAndCborAccept_BecomeJsonAndEncodingIsDropped()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/pods");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.kubernetes.protobuf, application/cbor, application/json;as=Table;v=v1;g=meta.k8s.io, application/json");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");

        var (response, upstream) = await SendAsync(request);

        Assert.NotNull(upstream);
        Assert.Equal("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", upstream.Headers["Accept"].ToString());
        Assert.False(upstream.Headers.ContainsKey("Accept-Encoding"));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_AgentAuditId_IsReplacedByTheGatewaysOwn()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/pods");
        request.Headers.TryAddWithoutValidation("Audit-ID", "agent-chosen");

        var (response, upstream) = await SendAsync(request);

        Assert.NotNull(upstream);
        var sent = upstream.Headers["Audit-ID"].ToString();
        Assert.True(Guid.TryParse(sent, out _), sent);
        Assert.Equal(sent, response.Headers.GetValues("Audit-ID").First());
    }

    [Theory]
    [InlineData("application/vnd.kubernetes.protobuf")]
    [InlineData("application/cbor")]
    public async Task Forward_ProtobufOrCborBody_IsRefusedAndNotForwarded(string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/namespaces/default/configmaps")
        {
            Content = new ByteArrayContent([0x6b, 0x38, 0x73, 0x00]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var (response, upstream) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(upstream);
        await AssertStatusAsync(response, 415, "UnsupportedMediaType");
    }

    [Fact]
    public async Task Forward_OpenApiV2_MayBeProtobufButNothingElseMay()
    {
        var schema = new HttpRequestMessage(HttpMethod.Get, "openapi/v2");
        schema.Headers.TryAddWithoutValidation("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf, application/vnd.kubernetes.protobuf");
        var data = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/secrets");
        data.Headers.TryAddWithoutValidation("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");

        var (_, schemaUpstream) = await SendAsync(schema);
        var (_, dataUpstream) = await SendAsync(data);

        Assert.Equal("application/com.github.proto-openapi.spec.v2@v1.0+protobuf,application/json", schemaUpstream!.Headers["Accept"].ToString());
        Assert.Equal("application/json", dataUpstream!.Headers["Accept"].ToString());
    }

    [Fact]
    public async Task Forward_MethodOverrideHeader_IsRefused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/pods/web-abc12");
        request.Headers.TryAddWithoutValidation("X-HTTP-Method-Override", "DELETE");

        var (response, upstream) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(upstream);
    }

    [Fact]
    public async Task Forward_MissingToken_Is401StatusAndNotForwarded()
    {
        using var client = fixture.AgentClient(withToken: false);
        var before = fixture.Cluster.Received.Count;

        var response = await client.GetAsync(new Uri("api/v1/pods", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertStatusAsync(response, 401, "Unauthorized");
        Assert.Equal(before, fixture.Cluster.Received.Count);
    }

    [Fact]
    public async Task Forward_WrongToken_Is401()
    {
        using var client = fixture.AgentClient(withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hoop_not-a-session");

        var response = await client.GetAsync(new Uri("api/v1/pods", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/k8s/demo/api/v1/namespaces/default/pods/../../../secrets")]
    [InlineData("/k8s/demo/api/v1/namespaces/default/%73ecrets")]
    [InlineData("/k8s/demo/api/v1/namespaces%2Fdefault/pods")]
    [InlineData("/k8s/demo/api//v1/pods")]
    [InlineData("/k8s/demo/api/v1/pods?watch=1&watch=0")]
    public async Task Forward_AmbiguousTarget_Is400StatusAndNotForwarded(string rawTarget)
    {
        var before = fixture.Cluster.Received.Count;

        var (code, body) = await RawHttp.SendAsync(fixture.Gateway.Url.Port, "GET", rawTarget, [new("Authorization", "Bearer " + fixture.Gateway.Demo.SessionToken)]);

        Assert.Equal(400, code);
        var status = JsonNode.Parse(body)!;
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.Equal(before, fixture.Cluster.Received.Count);
    }

    [Fact]
    public async Task Forward_WatchWithoutTimeout_GetsTheGatewayBound()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=9999&resourceVersion=0");
        using var client = fixture.AgentClient();
        var marker = Guid.NewGuid().ToString("N");
        request.Headers.TryAddWithoutValidation("User-Agent", "e2e/" + marker);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = fixture.Cluster.Received.Last(r => r.Headers.TryGetValue("User-Agent", out var ua) && ua.ToString().Contains(marker, StringComparison.Ordinal));
        Assert.Contains("timeoutSeconds=210", upstream.RawTarget, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", upstream.RawTarget, StringComparison.Ordinal);
    }

    /// <summary>
    /// Differential test: for each request the gateway forwards, the API server's reading of the raw target it received
    /// equals the gateway's reading of what the agent sent.
    /// </summary>
    [Theory]
    [InlineData("GET", "api/v1/namespaces/default/pods?limit=500")]
    [InlineData("GET", "api/v1/pods?labelSelector=app%3Dweb")]
    [InlineData("GET", "api/v1/namespaces/default/pods/web-abc12")]
    [InlineData("GET", "api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb-abc12")]
    [InlineData("GET", "apis/apps/v1/namespaces/default/deployments/web/scale")]
    [InlineData("GET", "api/v1/namespaces/default/pods/web-abc12/log?container=web&tailLines=1")]
    [InlineData("GET", "api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1")]
    [InlineData("GET", "api/v1/watch/namespaces/default/configmaps?timeoutSeconds=1")]
    [InlineData("GET", "version")]
    [InlineData("GET", "apis")]
    [InlineData("GET", "api/v1/namespaces/default/secrets?labelSelector=a%3Db%2Cc%21%3Dd")]
    public async Task Forward_ReceivedTarget_ClassifiesAsTheGatewayClassified(string method, string target)
    {
        var (response, upstream) = await SendAsync(new HttpRequestMessage(new HttpMethod(method), target));

        Assert.NotNull(upstream);
        Assert.True(RequestTargetNormalizer.TryNormalize("/k8s/demo/" + target, out var sent, out var error), error);
        Assert.True(RequestTargetNormalizer.TryNormalize(upstream.RawTarget, out var received, out error), error);
        var gateway = RequestInfoResolver.Resolve(method, sent.Path["/k8s/demo".Length..], sent.Query);
        var apiServer = RequestInfoResolver.Resolve(upstream.Method, received.Path, received.Query);
        Assert.Equal(gateway with { Parts = [] }, apiServer with { Parts = [] });
        Assert.Equal(gateway.Parts, apiServer.Parts);
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task AssertStatusAsync(HttpResponseMessage response, int code, string reason)
    {
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("v1", (string?)status["apiVersion"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal(code, (int?)status["code"]);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)status["message"]));
    }
}
