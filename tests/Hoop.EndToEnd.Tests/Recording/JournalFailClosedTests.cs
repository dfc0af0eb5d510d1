using System.Net;
using System.Text.Json;
using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.Recording;

/// <summary>Fail closed: with the journal's storage stopped, the gateway answers 503 and the cluster receives nothing.</summary>
public sealed class JournalFailClosedTests(RecordingGateway fixture) : IClassFixture<RecordingGateway>
{
    [Fact]
    public async Task Forward_JournalStorageStopped_Is503StatusAndNothingIsForwarded()
    {
        using var client = fixture.AgentClient();
        using (var before = await client.GetAsync(new Uri("api/v1/namespaces/default/pods", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await fixture.Gateway.Journal.Azurite!.StopAsync();
        fixture.Cluster.ClearReceived();

        using var response = await client.GetAsync(new Uri("api/v1/namespaces/default/pods", UriKind.Relative));
        var kubectl = await fixture.Kubectl.RunAsync("get", "pods", "-n", "default");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Status", status.RootElement.GetProperty("kind").GetString());
        Assert.Equal("ServiceUnavailable", status.RootElement.GetProperty("reason").GetString());
        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.Empty(fixture.Cluster.Received);
    }
}
