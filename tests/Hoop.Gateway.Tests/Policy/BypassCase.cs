using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>One line of assets/policy/bypass.jsonl: a request as an agent would send it (target as the API server sees
/// it, without the gateway's <c>/k8s/{connection}</c> prefix) and what the gateway must do with it under the default
/// policy: <c>allow</c>, <c>block</c>, <c>approve</c>, or <c>refuse</c> (400 before policy).</summary>
public sealed record BypassCase
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("target")]
    public required string Target { get; init; }

    [JsonPropertyName("contentType")]
    public string ContentType { get; init; } = "";

    [JsonPropertyName("body")]
    public string Body { get; init; } = "";

    [JsonPropertyName("headers")]
    public Dictionary<string, string> Headers { get; init; } = [];

    [JsonPropertyName("expectedAction")]
    public required string ExpectedAction { get; init; }

    [JsonPropertyName("expectedRule")]
    public string? ExpectedRule { get; init; }

    public static IReadOnlyList<BypassCase> Load() =>
        [.. File.ReadLines(PolicyAssets.Path_("bypass.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<BypassCase>(l)!)];

    public override string ToString() => $"{Name}: {Method} {Target}";
}
