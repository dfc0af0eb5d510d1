using System.Text.Json.Serialization;

namespace Hoop.Gateway.Policy;

/// <summary>How bad a policy problem is: errors refuse the policy, warnings point at rules weaker than they read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PolicyProblemSeverity>))]
public enum PolicyProblemSeverity
{
    [JsonStringEnumMemberName("error")]
    Error,

    [JsonStringEnumMemberName("warning")]
    Warning,
}
