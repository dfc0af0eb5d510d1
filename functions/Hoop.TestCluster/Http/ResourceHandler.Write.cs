using System.Text.Json;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>create, update, delete, deletecollection and eviction.</summary>
internal sealed partial class ResourceHandler
{
    private Task CreateAsync(HttpContext context, ResourcePath path, byte[] body)
    {
        var obj = RequestBody.ParseObject(context, body);
        ObjectValidation.ValidateShape(path.Type, obj);
        CheckNamespace(path, obj);
        var created = _store.Create(path.Type, path.Namespace, obj, RequestQuery.DryRun(context));
        return Responses.WriteObjectAsync(context, created, cluster.Time, StatusCodes.Status201Created);
    }

    private Task UpdateAsync(HttpContext context, ResourcePath path, byte[] body, bool statusOnly)
    {
        var obj = RequestBody.ParseObject(context, body);
        ObjectValidation.ValidateShape(path.Type, obj);
        CheckNamespace(path, obj);
        var updated = _store.Update(path.Type, path.Namespace, path.Name, _ => obj, RequestQuery.DryRun(context), statusOnly);
        return Responses.WriteObjectAsync(context, updated, cluster.Time);
    }

    private Task DeleteAsync(HttpContext context, ResourcePath path, byte[] body)
    {
        var options = DeleteOptions(context, body);
        var deleted = DeleteOne(path.Type, path.Namespace, path.Name, options);

        // The pod and namespace registries return the object (being deleted); the generic registry returns a Success Status.
        return path.Type == ResourceCatalog.Pods || path.Type == ResourceCatalog.Namespaces
            ? Responses.WriteObjectAsync(context, deleted, cluster.Time)
            : Responses.WriteDeletedStatusAsync(context, deleted);
    }

    private Task DeleteCollectionAsync(HttpContext context, ResourcePath path, byte[] body)
    {
        var options = DeleteOptions(context, body);
        var (_, items) = _store.Snapshot(path.Type, path.Namespace);
        var deleted = new List<StoredObject>();
        foreach (var item in Select(context, path.Type, items))
        {
            try
            {
                deleted.Add(DeleteOne(path.Type, item.Namespace, item.Name, options with { Uid = null, ResourceVersion = null }));
            }
            catch (ApiException e) when (e.Status.Code == 404)
            {
                // Deleted meanwhile (with its owner, say): nothing left to do.
            }
        }

        return Responses.WriteListAsync(context, path.Type, _store.ResourceVersion, deleted, cluster.Time);
    }

    private Task EvictAsync(HttpContext context, ResourcePath path)
    {
        DeleteOne(path.Type, path.Namespace, path.Name, new DeleteRequest(RequestQuery.DryRun(context), null, null));
        return Responses.WriteAsync(context, StatusCodes.Status201Created, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "Status");
            writer.WriteString("apiVersion", "v1");
            writer.WriteStartObject("metadata");
            writer.WriteEndObject();
            writer.WriteString("status", "Success");
            writer.WriteNumber("code", StatusCodes.Status201Created);
            writer.WriteEndObject();
        });
    }

    private StoredObject DeleteOne(ResourceType type, string ns, string name, DeleteRequest options)
    {
        if (options.Uid is not null || options.ResourceVersion is not null)
        {
            var current = _store.Find(type, ns, name) ?? throw new ApiException(ApiStatus.NotFound(type, name));
            var node = current.ToNode();
            var uid = Json.GetString(node, "metadata", "uid") ?? "";
            if (options.Uid is { } expectedUid && expectedUid != uid)
            {
                throw new ApiException(ApiStatus.Conflict(type, name) with
                {
                    Message = $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": Precondition failed: UID in precondition: {expectedUid}, UID in object meta: {uid}",
                });
            }

            if (options.ResourceVersion is { } expectedVersion && expectedVersion != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new ApiException(ApiStatus.Conflict(type, name) with
                {
                    Message = $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": Precondition failed: ResourceVersion in precondition: {expectedVersion}, ResourceVersion in object meta: {current.ResourceVersion}",
                });
            }
        }

        return _store.Delete(type, ns, name, options.DryRun);
    }

    private static DeleteRequest DeleteOptions(HttpContext context, byte[] body)
    {
        var dryRun = RequestQuery.DryRun(context);
        if (body.Length == 0)
        {
            return new DeleteRequest(dryRun, null, null);
        }

        var options = RequestBody.ParseObject(context, body);
        if (options["dryRun"] is JsonArray values)
        {
            foreach (var value in values)
            {
                if (value?.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != "All")
                {
                    throw new ApiException(ApiStatus.BadRequest($"Invalid dryRun value: {value?.ToJsonString()}, the only supported value is \"All\""));
                }

                dryRun = true;
            }
        }

        return new DeleteRequest(dryRun, Json.GetString(options, "preconditions", "uid"), Json.GetString(options, "preconditions", "resourceVersion"));
    }

    private static void CheckNamespace(ResourcePath path, JsonObject obj)
    {
        var ns = Json.GetString(obj, "metadata", "namespace");
        if (path.Type.Namespaced && !string.IsNullOrEmpty(ns) && ns != path.Namespace)
        {
            throw new ApiException(ApiStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }
    }
}
