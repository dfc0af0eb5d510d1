using System.Text.Json;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;

namespace Hoop.TestCluster.Selectors;

/// <summary>
/// A field selector (<c>metadata.name=web,status.phase!=Running</c>): equality and inequality on the field labels
/// each resource supports; others are refused as the apiserver refuses them.
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, string Value, bool Negate)> _requirements;

    private FieldSelector(List<(string, string, bool)> requirements) => _requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    /// <summary>The name the selector pins with <c>metadata.name=</c>, if it does.</summary>
    public string? Name => _requirements.FirstOrDefault(r => r.Field == "metadata.name" && !r.Negate).Value;

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<(string, string, bool)>();
        foreach (var part in text.Split(','))
        {
            var (op, negate) = part.Contains("!=", StringComparison.Ordinal) ? ("!=", true) : part.Contains("==", StringComparison.Ordinal) ? ("==", false) : ("=", false);
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ApiException(ApiStatus.BadRequest($"invalid selector: '{text}'; can't understand '{part}'"));
            }

            var field = part[..at].Trim();
            if (field is not ("metadata.name" or "metadata.namespace") && !type.FieldLabels.Contains(field))
            {
                throw new ApiException(ApiStatus.BadRequest($"field label not supported: {field}"));
            }

            requirements.Add((field, part[(at + op.Length)..].Trim(), negate));
        }

        return new FieldSelector(requirements);
    }

    public bool Matches(StoredObject obj)
    {
        if (_requirements.Count == 0)
        {
            return true;
        }

        JsonDocument? document = null;
        try
        {
            foreach (var (field, value, negate) in _requirements)
            {
                var actual = field switch
                {
                    "metadata.name" => obj.Name,
                    "metadata.namespace" => obj.Namespace,
                    _ => Lookup(document ??= JsonDocument.Parse(obj.Utf8), field),
                };
                if ((actual == value) == negate)
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static string Lookup(JsonDocument document, string field)
    {
        var element = document.RootElement;
        foreach (var key in field.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return "";
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() ?? "",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => element.GetRawText(),
        };
    }
}
