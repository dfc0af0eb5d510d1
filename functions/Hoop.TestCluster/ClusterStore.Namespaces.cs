using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;

namespace Hoop.TestCluster;

/// <summary>
/// Namespace deletion as the namespace controller does it: the namespace turns Terminating at once (new content is
/// refused, existing content can still be read and deleted), and shortly after its content and then the namespace go.
/// </summary>
public sealed partial class ClusterStore
{
    private static readonly TimeSpan NamespaceFinalizeDelay = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, ITimer> _terminating = new(StringComparer.Ordinal);

    private StoredObject Terminate(StoredObject current)
    {
        if (_terminating.ContainsKey(current.Name))
        {
            return current;
        }

        var node = current.ToNode();
        node["metadata"]!["deletionTimestamp"] = Now();
        node["status"] = new JsonObject { ["phase"] = "Terminating" };
        var terminating = Commit(ResourceCatalog.Namespaces, node, current, WatchEvent.Modified, dryRun: false);
        var timer = _time.CreateTimer(name => FinalizeNamespace((string)name!), current.Name, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _terminating[current.Name] = timer;
        timer.Change(NamespaceFinalizeDelay, Timeout.InfiniteTimeSpan);
        return terminating;
    }

    private void FinalizeNamespace(string name)
    {
        lock (_lock)
        {
            if (_terminating.Remove(name, out var timer))
            {
                timer.Dispose();
            }

            if (_objects[ResourceCatalog.Namespaces].GetValueOrDefault(name) is { } ns)
            {
                foreach (var dependent in Dependents(ResourceCatalog.Namespaces, ns))
                {
                    Remove(dependent);
                }

                Remove(ns);
            }
        }
    }

    private void RefuseContentIfTerminating(ResourceType type, string ns, string name)
    {
        if (type.Namespaced && _terminating.ContainsKey(ns))
        {
            throw new ApiException(ApiStatus.Forbidden($"{type.GroupResource} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated") with
            {
                Name = name,
                Group = type.Group,
                Kind = type.Plural,
            });
        }
    }
}
