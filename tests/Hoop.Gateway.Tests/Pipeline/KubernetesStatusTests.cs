using System.Text.Json.Nodes;
using Hoop.Gateway.Pipeline;

namespace Hoop.Gateway.Tests.Pipeline;

public sealed class KubernetesStatusTests
{
    [Fact]
    public void Serialize_Refusal_IsAKubernetesFailureStatus()
    {
        var status = JsonNode.Parse(KubernetesStatus.Serialize(403, "Forbidden", "blocked by rule \"no-delete\": <b>&</b>"))!;

        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("v1", (string?)status["apiVersion"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal(403, (int?)status["code"]);
        Assert.Equal("Forbidden", (string?)status["reason"]);
        Assert.Equal("blocked by rule \"no-delete\": <b>&</b>", (string?)status["message"]);
    }
}
