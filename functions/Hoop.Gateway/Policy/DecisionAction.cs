using System.Text.Json.Serialization;

namespace Hoop.Gateway.Policy;

/// <summary>What the gateway does with a classified request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionAction>))]
public enum DecisionAction
{
    /// <summary>Forward the request.</summary>
    [JsonStringEnumMemberName("allow")]
    Allow,

    /// <summary>Refuse with 403.</summary>
    [JsonStringEnumMemberName("block")]
    Block,

    /// <summary>Hold for a person's approval.</summary>
    [JsonStringEnumMemberName("approve")]
    Approve,
}
