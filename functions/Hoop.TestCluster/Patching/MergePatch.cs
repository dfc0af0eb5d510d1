using System.Text.Json.Nodes;

namespace Hoop.TestCluster.Patching;

/// <summary>JSON merge patch (RFC 7386): objects merge, <c>null</c> removes, everything else replaces.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            var existing = result[key];
            result.Remove(key);
            result[key] = Apply(existing, value);
        }

        return result;
    }
}
