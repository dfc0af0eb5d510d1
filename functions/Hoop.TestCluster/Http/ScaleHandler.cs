using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>
/// <c>deployments/scale</c> and <c>statefulsets/scale</c>: an <c>autoscaling/v1</c> Scale view of the workload.
/// Updates and patches apply to the Scale; its <c>spec.replicas</c> becomes the workload's.
/// </summary>
internal static class ScaleHandler
{
    public static Task HandleAsync(HttpContext context, ClusterContext cluster, ResourcePath path, byte[] body)
    {
        var store = cluster.Store;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var current = store.Find(path.Type, path.Namespace, path.Name) ?? throw new ApiException(ApiStatus.NotFound(path.Type, path.Name));
            return WriteScaleAsync(context, current);
        }

        var dryRun = RequestQuery.DryRun(context);
        Func<JsonObject, JsonObject> change;
        if (HttpMethods.IsPut(context.Request.Method))
        {
            var scale = RequestBody.ParseObject(context, body);
            change = _ => scale;
        }
        else
        {
            var mediaType = RequestBody.MediaType(context);
            var patch = PatchHandler.Parse(mediaType, body);
            change = scale => PatchHandler.Patch(ScaleType, scale, mediaType, patch);
        }

        var updated = store.Update(path.Type, path.Namespace, path.Name, current =>
        {
            var workload = current.ToNode();
            var scale = change(Scale(workload));
            var replicas = Json.AsLong(scale["spec"]?["replicas"]) ?? 0;
            if (replicas < 0)
            {
                throw new ApiException(ApiStatus.Invalid(ScaleType, path.Name, "spec.replicas", "FieldValueInvalid", $"{replicas}: must be greater than or equal to 0"));
            }

            Json.GetOrAddObject(workload, "spec")["replicas"] = replicas;
            workload["metadata"]!["resourceVersion"] = Json.GetString(scale, "metadata", "resourceVersion");
            return workload;
        }, dryRun);
        return WriteScaleAsync(context, updated);
    }

    private static ResourceType ScaleType { get; } = new()
    {
        Group = "autoscaling",
        Version = "v1",
        Plural = "scale",
        Singular = "scale",
        Kind = "Scale",
        Namespaced = true,
    };

    private static Task WriteScaleAsync(HttpContext context, StoredObject workload) =>
        Responses.WriteJsonAsync(context, 200, Json.ToUtf8(Scale(workload.ToNode())));

    private static JsonObject Scale(JsonObject workload)
    {
        var metadata = (JsonObject)workload["metadata"]!;
        var scaleMetadata = new JsonObject();
        foreach (var key in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            scaleMetadata[key] = metadata[key]?.DeepClone();
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = Json.AsLong(workload["spec"]?["replicas"]) ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = Json.AsLong(workload["status"]?["replicas"]) ?? 0,
                ["selector"] = ObjectDefaults.Selector(workload),
            },
        };
    }
}
