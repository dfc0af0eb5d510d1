using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hoop.Gateway.Policy;

/// <summary>Source-generated serialization for the JSON nodes built from YAML (no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
