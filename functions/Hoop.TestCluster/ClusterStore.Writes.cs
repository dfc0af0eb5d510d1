using System.Globalization;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;

namespace Hoop.TestCluster;

/// <summary>Create, update and delete: the checks the apiserver's registry makes, then one commit.</summary>
public sealed partial class ClusterStore
{
    private static readonly string[] ProtectedNamespaces = ["default", "kube-system", "kube-public"];

    /// <summary>Creates an object in <paramref name="ns"/>; the caller has validated its shape.</summary>
    internal StoredObject Create(ResourceType type, string ns, JsonObject obj, bool dryRun)
    {
        var metadata = Json.GetOrAddObject(obj, "metadata");
        lock (_lock)
        {
            if (type.Namespaced && !NamespaceExists(ns))
            {
                throw new ApiException(ApiStatus.NamespaceNotFound(ns));
            }

            var name = Json.GetString(metadata, "name") ?? "";
            if (name.Length == 0 && Json.GetString(metadata, "generateName") is { Length: > 0 } prefix)
            {
                name = ObjectNames.Generate(prefix, candidate => _objects[type].ContainsKey(Key(type, ns, candidate)));
                metadata["name"] = name;
            }

            ObjectValidation.ValidateName(type, name);
            RefuseContentIfTerminating(type, ns, name);
            if (_objects[type].ContainsKey(Key(type, ns, name)))
            {
                throw new ApiException(ApiStatus.AlreadyExists(type, name));
            }

            if (type.Namespaced)
            {
                metadata["namespace"] = ns;
            }
            else
            {
                metadata.Remove("namespace");
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata.Remove("resourceVersion");
            metadata.Remove("deletionTimestamp");
            ObjectDefaults.OnCreate(type, obj, this);
            return Commit(type, obj, previous: null, WatchEvent.Added, dryRun);
        }
    }

    /// <summary>
    /// Replaces an object with what <paramref name="change"/> makes of the current one. A resource version in the
    /// result must match the current one (409 Conflict otherwise); none means an unconditional update.
    /// </summary>
    internal StoredObject Update(ResourceType type, string ns, string name, Func<StoredObject, JsonObject> change, bool dryRun, bool statusOnly = false)
    {
        lock (_lock)
        {
            var current = _objects[type].GetValueOrDefault(Key(type, ns, name)) ?? throw new ApiException(ApiStatus.NotFound(type, name));
            var updated = change(current);
            var metadata = Json.GetOrAddObject(updated, "metadata");
            var expected = Json.GetString(metadata, "resourceVersion");
            if (!string.IsNullOrEmpty(expected) && expected != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new ApiException(ApiStatus.Conflict(type, name));
            }

            var bodyName = Json.GetString(metadata, "name");
            if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
            {
                throw new ApiException(ApiStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})"));
            }

            var old = current.ToNode();
            if (type.FindSubresource("status") is not null)
            {
                // The main resource never changes status, and the status subresource changes nothing else.
                var source = statusOnly ? updated : old;
                var target = statusOnly ? current.ToNode() : updated;
                target["status"] = source["status"]?.DeepClone();
                updated = target;
                metadata = (JsonObject)updated["metadata"]!;
            }

            var oldMetadata = (JsonObject)old["metadata"]!;
            metadata["name"] = name;
            if (type.Namespaced)
            {
                metadata["namespace"] = ns;
            }

            // Identity and bookkeeping fields belong to the server, whatever the client sent.
            foreach (var key in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp" })
            {
                metadata.Remove(key);
                if (oldMetadata[key] is { } value)
                {
                    metadata[key] = value.DeepClone();
                }
            }

            ObjectDefaults.OnUpdate(type, old, updated, statusOnly);
            return Commit(type, updated, current, WatchEvent.Modified, dryRun);
        }
    }

    /// <summary>
    /// Deletes an object (and what the apiserver's garbage collector would delete with it). A namespace is only marked
    /// Terminating here; it goes, with its content, shortly after.
    /// </summary>
    internal StoredObject Delete(ResourceType type, string ns, string name, bool dryRun)
    {
        lock (_lock)
        {
            var key = Key(type, ns, name);
            var current = _objects[type].GetValueOrDefault(key) ?? throw new ApiException(ApiStatus.NotFound(type, name));
            if (type == ResourceCatalog.Namespaces && ProtectedNamespaces.Contains(name))
            {
                throw new ApiException(ApiStatus.Forbidden($"namespaces \"{name}\" is forbidden: this namespace may not be deleted") with
                {
                    Name = name,
                    Kind = "namespaces",
                });
            }

            if (dryRun)
            {
                return current;
            }

            if (type == ResourceCatalog.Namespaces)
            {
                return Terminate(current);
            }

            foreach (var dependent in Dependents(type, current))
            {
                Remove(dependent);
            }

            return Remove(current);
        }
    }

    private StoredObject Remove(StoredObject current)
    {
        var node = current.ToNode();
        node["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        var deleted = new StoredObject(current.Type, node, current.CreatedRevision);
        _objects[current.Type].Remove(Key(current.Type, current.Namespace, current.Name));
        Publish(new WatchEvent(WatchEvent.Deleted, deleted, current));
        ObjectRemoved?.Invoke(deleted);
        return deleted;
    }

    private StoredObject Commit(ResourceType type, JsonObject obj, StoredObject? previous, string eventType, bool dryRun)
    {
        if (dryRun)
        {
            // A dry run shows the result without persisting it; the resource version stays the current one.
            if (previous is not null)
            {
                obj["metadata"]!["resourceVersion"] = previous.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            }

            return new StoredObject(type, obj, previous?.CreatedRevision);
        }

        obj["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        var stored = new StoredObject(type, obj, previous?.CreatedRevision);
        _objects[type][Key(type, stored.Namespace, stored.Name)] = stored;
        Publish(new WatchEvent(eventType, stored, previous));
        ObjectDefaults.AfterCommit(stored, this);
        return stored;
    }

    private List<StoredObject> Dependents(ResourceType type, StoredObject owner)
    {
        if (type == ResourceCatalog.Namespaces)
        {
            return [.. _objects.Where(p => p.Key.Namespaced).SelectMany(p => p.Value.Values).Where(o => o.Namespace == owner.Name)];
        }

        if (type == ResourceCatalog.Deployments || type == ResourceCatalog.StatefulSets)
        {
            var selector = ObjectDefaults.MatchLabels(owner.ToNode());
            return selector.Count == 0
                ? []
                : [.. _objects[ResourceCatalog.Pods].Values.Where(p => p.Namespace == owner.Namespace && selector.All(l => p.Labels.GetValueOrDefault(l.Key) == l.Value))];
        }

        return [];
    }
}
