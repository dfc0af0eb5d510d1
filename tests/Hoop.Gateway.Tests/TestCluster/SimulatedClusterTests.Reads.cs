using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>Reads over HTTP: Tables, selectors, paging, logs, scale and bulk data.</summary>
public sealed partial class SimulatedClusterTests
{
    [Fact]
    public async Task List_AcceptTable_ReturnsATableWithPartialObjectMetadata()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb");
        request.Headers.Accept.ParseAdd("application/json;as=Table;v=v1;g=meta.k8s.io");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await _client.SendAsync(request);
        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("application/json", contentType.MediaType);
        Assert.Equal(["as=Table", "v=v1", "g=meta.k8s.io"], contentType.Parameters.Select(p => $"{p.Name}={p.Value}"));
        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age"], table["columnDefinitions"]!.AsArray().Where(c => c!["priority"]!.GetValue<int>() == 0).Select(c => c!["name"]!.GetValue<string>()));
        var row = table["rows"]![0]!;
        Assert.Equal(["web-abc12", "1/1", "Running", "0"], row["cells"]!.AsArray().Take(4).Select(c => c!.GetValue<string>()));
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(2, table["rows"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("labelSelector=app%3Dweb", new[] { "web-abc12", "web-def34" })]
    [InlineData("labelSelector=app%20in%20(db)", new[] { "db-0" })]
    [InlineData("fieldSelector=metadata.name%3Dweb-def34", new[] { "web-def34" })]
    [InlineData("fieldSelector=status.phase%21%3DRunning", new string[0])]
    public async Task List_Selector_FiltersPods(string query, string[] expected)
    {
        var list = await SendJsonAsync(HttpMethod.Get, $"/api/v1/namespaces/default/pods?{query}");

        Assert.Equal(expected, list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughEverything()
    {
        _cluster.Store.AddPods("paged", 5);

        var first = await SendJsonAsync(HttpMethod.Get, "/api/v1/namespaces/paged/pods?limit=2");
        var token = Uri.EscapeDataString(first["metadata"]!["continue"]!.GetValue<string>());
        var second = await SendJsonAsync(HttpMethod.Get, $"/api/v1/namespaces/paged/pods?limit=2&continue={token}");
        token = Uri.EscapeDataString(second["metadata"]!["continue"]!.GetValue<string>());
        var last = await SendJsonAsync(HttpMethod.Get, $"/api/v1/namespaces/paged/pods?limit=2&continue={token}");

        Assert.Equal(3, first["metadata"]!["remainingItemCount"]!.GetValue<int>());
        Assert.Null(last["metadata"]!["continue"]);
        Assert.Equal(
            ["load-00001", "load-00002", "load-00003", "load-00004", "load-00005"],
            new[] { first, second, last }.SelectMany(l => l["items"]!.AsArray()).Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AddPods_Thousand_MakesAboutAMegabyteList()
    {
        _cluster.Store.AddPods("bench", 1000);

        var body = await _client.GetByteArrayAsync(new Uri("/api/v1/namespaces/bench/pods", UriKind.Relative));

        Assert.InRange(body.Length, 800_000, 2_000_000);
        Assert.Equal(1000, JsonNode.Parse(body)!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Logs_TailLinesAndTimestamps_ReturnTheLastLinesAsText()
    {
        _cluster.AppendLog("default", "web-abc12", "web", "the newest line");

        using var response = await _client.GetAsync(new Uri("/api/v1/namespaces/default/pods/web-abc12/log?tailLines=2&timestamps=true", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(" the newest line", lines[1], StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(lines[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task Scale_Get_ReturnsAnAutoscalingScale()
    {
        var scale = await SendJsonAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/statefulsets/db/scale");

        Assert.Equal(
            ("Scale", "autoscaling/v1", 1, "app=db"),
            (scale["kind"]!.GetValue<string>(), scale["apiVersion"]!.GetValue<string>(), scale["spec"]!["replicas"]!.GetValue<int>(), scale["status"]!["selector"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Scale_PutWithStaleResourceVersion_Conflicts()
    {
        var scale = await SendJsonAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web/scale");
        scale["spec"]!["replicas"] = 5;
        await SendJsonAsync(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/web/scale", scale.ToJsonString());

        var status = await SendJsonAsync(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/web/scale", scale.ToJsonString(), expected: System.Net.HttpStatusCode.Conflict);

        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
        Assert.Equal(5, _cluster.Store.Get("apps", "v1", "deployments", "default", "web")!["spec"]!["replicas"]!.GetValue<int>());
    }
}
