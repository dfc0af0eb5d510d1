using System.Globalization;
using System.Text.Json.Nodes;

namespace Hoop.TestCluster.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test, addressed by JSON pointers (RFC 6901).</summary>
internal static class JsonPatch
{
    /// <summary>Applies the operations to <paramref name="document"/> (changed in place) and returns the result.</summary>
    /// <exception cref="JsonPatchException">An operation is malformed (<see cref="JsonPatchException.IsMalformed"/>) or cannot apply.</exception>
    public static JsonNode? Apply(JsonNode? document, JsonArray operations)
    {
        foreach (var entry in operations)
        {
            if (entry is not JsonObject operation || Text(operation, "op") is not { } op || Text(operation, "path") is not { } path)
            {
                throw new JsonPatchException("invalid JSON patch operation: missing op or path", malformed: true);
            }

            switch (op)
            {
                case "add":
                    document = Add(document, path, Value(operation));
                    break;
                case "remove":
                    document = Remove(document, path, out _);
                    break;
                case "replace":
                    document = Remove(document, path, out _);
                    document = Add(document, path, Value(operation));
                    break;
                case "move":
                    document = Remove(document, From(operation), out var moved);
                    document = Add(document, path, moved);
                    break;
                case "copy":
                    document = Add(document, path, Get(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), Value(operation)))
                    {
                        throw new JsonPatchException($"testing value {path} failed: test failed");
                    }

                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {op}", malformed: true);
            }
        }

        return document;
    }

    private static string? Text(JsonObject operation, string key) =>
        operation[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? Value(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new JsonPatchException("missing value", malformed: true);

    private static string From(JsonObject operation) =>
        Text(operation, "from") ?? throw new JsonPatchException("missing from", malformed: true);

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new JsonPatchException($"JSON pointer must start with a slash: {pointer}", malformed: true);
        }

        return [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Get(JsonNode? document, string pointer)
    {
        var node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when Index(token, array.Count, allowEnd: false) is var i => array[i],
                _ => throw Missing(pointer),
            };
        }

        return node;
    }

    private static JsonNode? Add(JsonNode? document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            return value;
        }

        var parent = Get(document, Parent(pointer));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(last);
                obj[last] = value;
                break;
            case JsonArray array:
                array.Insert(last == "-" ? array.Count : Index(last, array.Count, allowEnd: true), value);
                break;
            default:
                throw Missing(pointer);
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string pointer, out JsonNode? removed)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            removed = document;
            return null;
        }

        var parent = Get(document, Parent(pointer));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out removed):
                obj.Remove(last);
                break;
            case JsonArray array:
                var index = Index(last, array.Count, allowEnd: false);
                removed = array[index];
                array.RemoveAt(index);
                break;
            default:
                throw Missing(pointer);
        }

        return document;
    }

    private static string Parent(string pointer) => pointer[..pointer.LastIndexOf('/')];

    private static int Index(string token, int count, bool allowEnd)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > count || (!allowEnd && index == count))
        {
            throw new JsonPatchException($"Unable to access invalid index: {token}");
        }

        return index;
    }

    private static JsonPatchException Missing(string pointer) =>
        new($"doc is missing path: \"{pointer}\": missing value");
}
