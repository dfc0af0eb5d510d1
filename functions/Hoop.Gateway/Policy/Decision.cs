using System.Text.Json.Serialization;

namespace Hoop.Gateway.Policy;

/// <summary>The outcome of the decide stage: an action, the rule that chose it, and a message for the agent.</summary>
public sealed record Decision
{
    [JsonPropertyName("action")]
    public required DecisionAction Action { get; init; }

    /// <summary>The id of the rule that matched, or <see langword="null"/> when no policy was consulted.</summary>
    [JsonPropertyName("rule")]
    public string? Rule { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
