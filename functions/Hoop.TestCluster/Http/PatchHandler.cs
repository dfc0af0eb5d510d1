using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Patching;
using Hoop.TestCluster.Store;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>
/// PATCH in its four media types: JSON patch, merge patch, strategic merge patch, and server-side apply
/// (<c>application/apply-patch+yaml</c>, which creates the object when it is missing).
/// </summary>
/// <remarks>
/// Server-side apply here merges the applied configuration into the live object (strategically); it keeps no
/// managedFields, so fields a manager stops applying are not removed and there are no apply conflicts.
/// </remarks>
internal static class PatchHandler
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    public static Task HandleAsync(HttpContext context, ClusterContext cluster, ResourcePath path, byte[] body, bool statusOnly)
    {
        var mediaType = RequestBody.MediaType(context);
        var dryRun = RequestQuery.DryRun(context);
        if (mediaType == ApplyPatchType)
        {
            return ApplyAsync(context, cluster, path, body, dryRun);
        }

        var patch = Parse(mediaType, body);
        var updated = cluster.Store.Update(path.Type, path.Namespace, path.Name, current => Patch(path.Type, current.ToNode(), mediaType, patch), dryRun, statusOnly);
        return Responses.WriteObjectAsync(context, updated, cluster.Time);
    }

    /// <summary>Parses a patch body of a JSON patch media type (415 for anything else).</summary>
    public static JsonNode Parse(string mediaType, byte[] body)
    {
        if (mediaType is not (JsonPatchType or MergePatchType or StrategicMergePatchType))
        {
            throw new ApiException(ApiStatus.UnsupportedMediaType(mediaType));
        }

        var patch = JsonNode.Parse(body.Length == 0 ? "null"u8 : body);
        return mediaType == JsonPatchType
            ? patch as JsonArray ?? throw new ApiException(ApiStatus.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch"))
            : patch as JsonObject ?? throw new ApiException(ApiStatus.BadRequest("error decoding patch: the patch must be a JSON object"));
    }

    /// <summary>Applies a parsed patch to <paramref name="target"/> (changed in place) and checks the result is still an object of the type.</summary>
    public static JsonObject Patch(ResourceType type, JsonObject target, string mediaType, JsonNode patch)
    {
        JsonNode? result;
        try
        {
            result = mediaType switch
            {
                JsonPatchType => JsonPatch.Apply(target, (JsonArray)patch),
                MergePatchType => MergePatch.Apply(target, patch),
                _ => StrategicMergePatch.Apply(target, patch),
            };
        }
        catch (JsonPatchException e)
        {
            throw new ApiException(e.IsMalformed
                ? ApiStatus.BadRequest(e.Message)
                : new ApiStatus(422, "Invalid", e.Message) { HasDetails = true, Causes = [new StatusCause("UnexpectedServerResponse", e.Message, "")] });
        }

        var patched = result as JsonObject ?? throw new ApiException(ApiStatus.BadRequest("the patch must leave an object"));
        ObjectValidation.ValidateShape(type, patched);
        return patched;
    }

    private static Task ApplyAsync(HttpContext context, ClusterContext cluster, ResourcePath path, byte[] body, bool dryRun)
    {
        if (RequestQuery.Get(context, "fieldManager").Length == 0)
        {
            throw new ApiException(new ApiStatus(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")
            {
                HasDetails = true,
                Group = "meta.k8s.io",
                Kind = "PatchOptions",
                Causes = [new StatusCause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager")],
            });
        }

        var applied = YamlToJson.Parse(Encoding.UTF8.GetString(body)) as JsonObject
            ?? throw new ApiException(ApiStatus.BadRequest("error decoding YAML: the applied configuration must be an object"));
        if (Json.GetString(applied, "apiVersion") is null || Json.GetString(applied, "kind") is null)
        {
            throw new ApiException(ApiStatus.BadRequest("apiVersion and kind must be set in the applied configuration"));
        }

        ObjectValidation.ValidateShape(path.Type, applied);
        var name = Json.GetString(applied, "metadata", "name");
        if (name is not null && name != path.Name)
        {
            throw new ApiException(ApiStatus.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})"));
        }

        if (cluster.Store.Find(path.Type, path.Namespace, path.Name) is null)
        {
            Json.GetOrAddObject(applied, "metadata")["name"] = path.Name;
            var created = cluster.Store.Create(path.Type, path.Namespace, applied, dryRun);
            return Responses.WriteObjectAsync(context, created, cluster.Time, StatusCodes.Status201Created);
        }

        Json.GetOrAddObject(applied, "metadata").Remove("resourceVersion");
        StoredObject updated = cluster.Store.Update(path.Type, path.Namespace, path.Name, current => Patch(path.Type, current.ToNode(), StrategicMergePatchType, applied), dryRun);
        return Responses.WriteObjectAsync(context, updated, cluster.Time);
    }
}
