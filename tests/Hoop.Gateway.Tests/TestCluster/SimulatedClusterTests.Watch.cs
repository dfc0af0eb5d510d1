using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>Watches over HTTP: one JSON frame per line, flushed as changes happen.</summary>
public sealed partial class SimulatedClusterTests
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Watch_ObjectChanged_StreamsOneFramePerLine()
    {
        var listed = await SendJsonAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps");
        var resourceVersion = listed["metadata"]!["resourceVersion"]!.GetValue<string>();
        using var watch = await OpenWatchAsync($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={resourceVersion}");

        var config = _cluster.Store.Get("", "v1", "configmaps", "default", "web-config")!;
        config["data"]!["LOG_LEVEL"] = "debug";
        _cluster.Store.Upsert("", "v1", "configmaps", config);
        _cluster.Store.Delete("", "v1", "configmaps", "default", "web-config");

        var modified = await ReadFrameAsync(watch);
        var deleted = await ReadFrameAsync(watch);
        Assert.Equal("MODIFIED", modified["type"]!.GetValue<string>());
        Assert.Equal("debug", modified["object"]!["data"]!["LOG_LEVEL"]!.GetValue<string>());
        Assert.Equal("DELETED", deleted["type"]!.GetValue<string>());
        Assert.True(long.Parse(deleted["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(resourceVersion, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_SendInitialEvents_EndsTheInitialStateWithABookmark()
    {
        using var watch = await OpenWatchAsync("/api/v1/namespaces/default/pods?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&labelSelector=app%3Dweb");

        var first = await ReadFrameAsync(watch);
        var second = await ReadFrameAsync(watch);
        var bookmark = await ReadFrameAsync(watch);

        Assert.Equal(["web-abc12", "web-def34"], new[] { first, second }.Select(f => f["object"]!["metadata"]!["name"]!.GetValue<string>()));
        Assert.All(new[] { first, second }, f => Assert.Equal("ADDED", f["type"]!.GetValue<string>()));
        Assert.Equal("BOOKMARK", bookmark["type"]!.GetValue<string>());
        Assert.Equal("true", bookmark["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_LabelSelector_ObjectLeavingTheSelectorArrivesAsDeleted()
    {
        using var watch = await OpenWatchAsync($"/api/v1/namespaces/default/pods?watch=1&labelSelector=app%3Dweb&resourceVersion={_cluster.Store.ResourceVersion}");

        var pod = _cluster.Store.Get("", "v1", "pods", "default", "web-def34")!;
        pod["metadata"]!["labels"]!["app"] = "debugging";
        _cluster.Store.Upsert("", "v1", "pods", pod);

        var frame = await ReadFrameAsync(watch);
        Assert.Equal("DELETED", frame["type"]!.GetValue<string>());
        Assert.Equal("web-def34", frame["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_ResourceVersionOlderThanTheHistory_EndsWithAnExpiredError()
    {
        _cluster.Store.AddPods("load", 10_050);

        using var watch = await OpenWatchAsync("/api/v1/namespaces/default/pods?watch=1&resourceVersion=2");

        var frame = await ReadFrameAsync(watch);
        Assert.Equal("ERROR", frame["type"]!.GetValue<string>());
        Assert.Equal(410, frame["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", frame["object"]!["reason"]!.GetValue<string>());
        Assert.StartsWith("too old resource version: 2 (", frame["object"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsTheStream()
    {
        using var watch = await OpenWatchAsync($"/apis/apps/v1/deployments?watch=1&timeoutSeconds=1&resourceVersion={_cluster.Store.ResourceVersion}");
        using var timeout = new CancellationTokenSource(FrameTimeout);

        Assert.Null(await watch.ReadLineAsync(timeout.Token));
    }

    private async Task<StreamReader> OpenWatchAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new StreamReader(await response.Content.ReadAsStreamAsync());
    }

    private static async Task<JsonNode> ReadFrameAsync(StreamReader watch)
    {
        using var timeout = new CancellationTokenSource(FrameTimeout);
        var line = await watch.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the watch ended");
        return JsonNode.Parse(line)!;
    }
}
