using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>
/// The request body as policy reads it: parsed at most once, and only when a rule asks (most decisions never do).
/// JSON bodies (every JSON and patch media type, or no Content-Type) and YAML bodies (server-side apply,
/// <c>application/yaml</c>) are read; anything else is <see cref="ConditionResult.Unknown"/>.
/// </summary>
/// <remarks>
/// Field names are compared exactly, as today's API servers decode them; a body that also has the same name in another
/// case, or twice, is ambiguous (older servers folded case; Go keeps the last duplicate), so it is Unknown.
/// </remarks>
internal sealed class RequestBody(ReadOnlyMemory<byte> bytes, string contentType)
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64 };

    private bool _parsed;
    private JsonElement? _root;

    public bool IsEmpty => bytes.IsEmpty;

    /// <summary>Checks one <c>bodyMatches</c> condition.</summary>
    public ConditionResult Check(BodyCondition condition)
    {
        if (Root() is not { } current)
        {
            return ConditionResult.Unknown;
        }

        foreach (var segment in condition.Segments)
        {
            switch (Field(current, segment, out var child))
            {
                case FieldLookup.Absent:
                    return ConditionResult.NotMet;
                case FieldLookup.Ambiguous:
                    return ConditionResult.Unknown;
                default:
                    current = child;
                    break;
            }
        }

        return current.ValueKind == JsonValueKind.String && current.ValueEquals(condition.Value)
            ? ConditionResult.Met
            : ConditionResult.NotMet;
    }

    /// <summary>Whether the body is <c>DeleteOptions</c> asking for a dry run (<c>dryRun: [All]</c>). Anything unclear is
    /// a real request: a dry-run override can only make the policy more permissive.</summary>
    public bool IsDeleteOptionsDryRun()
    {
        if (Root() is not { } root || Field(root, "dryRun", out var dryRun) != FieldLookup.Found)
        {
            return false;
        }

        return dryRun.ValueKind == JsonValueKind.Array
            && dryRun.GetArrayLength() > 0
            && dryRun.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && v.ValueEquals("All"));
    }

    private JsonElement? Root()
    {
        if (!_parsed)
        {
            _parsed = true;
            _root = Parse();
        }

        return _root;
    }

    private JsonElement? Parse()
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        var mediaType = MediaType(contentType);
        try
        {
            if (mediaType.Length == 0 || mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
            {
                return ParseJson();
            }

            if (mediaType is "application/yaml" or "application/apply-patch+yaml")
            {
                // kubectl sends server-side apply bodies as JSON (which is YAML): read those with the fast parser.
                return LooksLikeJson() ? ParseJsonOrNull() ?? ParseYaml() : ParseYaml();
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet reports a duplicate mapping key this way: ambiguous, so unreadable.
            return null;
        }

        return null;
    }

    private JsonElement? ParseJson()
    {
        using var document = JsonDocument.Parse(bytes, Strict);
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }

    private JsonElement? ParseJsonOrNull()
    {
        try
        {
            return ParseJson();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool LooksLikeJson()
    {
        var span = bytes.Span.TrimStart(" \t\r\n"u8);
        return !span.IsEmpty && span[0] == (byte)'{';
    }

    private JsonElement? ParseYaml()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(new MemoryStream(bytes.ToArray(), writable: false)))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1)
        {
            return null;
        }

        var problems = new List<PolicyProblem>();
        var node = YamlToJson.Convert(stream.Documents[0].RootNode, new YamlLocationMap(), problems);
        return problems.Count == 0 && node is JsonObject obj ? JsonSerializer.SerializeToElement(obj, JsonNodeContext.Default.JsonObject) : null;
    }

    private static FieldLookup Field(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return FieldLookup.Absent;
        }

        var found = FieldLookup.Absent;
        foreach (var property in obj.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (found != FieldLookup.Absent || !property.NameEquals(name))
            {
                return FieldLookup.Ambiguous;
            }

            found = FieldLookup.Found;
            value = property.Value;
        }

        return found;
    }

    private static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private enum FieldLookup
    {
        Absent,
        Found,
        Ambiguous,
    }
}
