using System.Text.Json.Serialization;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Recording;

/// <summary>Source-generated JSON for the values the journal stores as JSON text.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RequestInfo))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class JournalJson : JsonSerializerContext;
