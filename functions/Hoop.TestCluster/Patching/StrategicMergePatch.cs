using System.Text.Json.Nodes;

namespace Hoop.TestCluster.Patching;

/// <summary>
/// Strategic merge patch for the built-in types: a merge patch where the lists Kubernetes marks with a merge key
/// (containers and env by <c>name</c>, volume mounts by <c>mountPath</c>, ports by port) merge item by item, and
/// the <c>$patch</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList</c> and <c>$setElementOrder</c> directives
/// kubectl writes are obeyed (the last only as far as it adds nothing).
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";
    private const string SetElementOrder = "$setElementOrder/";

    // Merge keys of the built-in types (the patchMergeKey struct tags in k8s.io/api).
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["imagePullSecrets"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["secrets"] = "name",
    };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        switch (patchObject[Directive]?.GetValue<string>())
        {
            case "replace":
                return WithoutDirectives(patchObject);
            case "delete":
                return null;
        }

        var result = target is JsonObject targetObject ? targetObject : [];
        foreach (var (key, value) in patchObject)
        {
            if (key == Directive || key == RetainKeys || key.StartsWith(SetElementOrder, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                var listKey = key[DeleteFromPrimitiveList.Length..];
                if (result[listKey] is JsonArray list && value is JsonArray removals)
                {
                    foreach (var item in list.Where(i => removals.Any(r => JsonNode.DeepEquals(i, r))).ToList())
                    {
                        list.Remove(item);
                    }
                }

                continue;
            }

            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            var existing = result[key];
            result.Remove(key);
            var merged = value is JsonArray items && MergeKeyFor(key, items) is { } mergeKey
                ? MergeList(existing as JsonArray, items, mergeKey)
                : Apply(existing, value);
            if (merged is not null || value is not JsonObject)
            {
                result[key] = merged;
            }
        }

        if (patchObject[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }

        return result;
    }

    private static string? MergeKeyFor(string key, JsonArray items)
    {
        if (key == "ports")
        {
            // Container ports merge by containerPort, service ports by port.
            return items.Any(i => i is JsonObject o && o.ContainsKey("containerPort")) ? "containerPort" : "port";
        }

        return MergeKeys.GetValueOrDefault(key);
    }

    private static JsonArray MergeList(JsonArray? existing, JsonArray patch, string mergeKey)
    {
        if (patch.Any(i => i is JsonObject o && o[Directive]?.GetValue<string>() == "replace"))
        {
            return [.. patch.Where(i => i is not JsonObject o || !o.ContainsKey(Directive)).Select(i => i?.DeepClone())];
        }

        var result = new JsonArray([.. (existing ?? []).Select(i => i?.DeepClone())]);
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                result.Add(item?.DeepClone());
                continue;
            }

            var match = result.FirstOrDefault(i => i is JsonObject o && JsonNode.DeepEquals(o[mergeKey], patchItem[mergeKey]));
            if (patchItem[Directive]?.GetValue<string>() == "delete")
            {
                if (match is not null)
                {
                    result.Remove(match);
                }

                continue;
            }

            if (match is null)
            {
                result.Add(WithoutDirectives(patchItem));
                continue;
            }

            var index = result.IndexOf(match);
            result.RemoveAt(index);
            result.Insert(index, Apply(match, patchItem));
        }

        return result;
    }

    private static JsonObject WithoutDirectives(JsonObject patch)
    {
        var copy = (JsonObject)patch.DeepClone();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith('$')).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }
}
