using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.Gateway;

/// <summary>Long-lived streams end cleanly at the configured bound (Azure Functions cuts responses at about 230 s).</summary>
public sealed class StreamBoundsTests(ShortBoundsGateway fixture) : IClassFixture<ShortBoundsGateway>
{
    [Fact]
    public async Task LogsFollow_AtTheBound_EndsCleanly()
    {
        using var logs = fixture.Kubectl.Stream("logs", "-f", "web-abc12", "-n", "default");

        var ended = await logs.WaitForExitAsync(TimeSpan.FromSeconds(ShortBoundsGateway.Seconds + 20));

        Assert.True(ended, "logs -f did not end at the bound");
        Assert.True(logs.ExitCode == 0, $"exit {logs.ExitCode}: {logs.Stderr}");
    }

    [Fact]
    public async Task Watch_AtTheBound_EndsCleanlyWithoutError()
    {
        using var client = fixture.AgentClient();
        var started = DateTime.UtcNow;

        var body = await client.GetStringAsync(new Uri("api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0", UriKind.Relative));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(ShortBoundsGateway.Seconds + 15));
        Assert.All(body.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => System.Text.Json.Nodes.JsonNode.Parse(line));
    }
}
