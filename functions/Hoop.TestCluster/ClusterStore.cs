using System.Globalization;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;

namespace Hoop.TestCluster;

/// <summary>
/// The simulated cluster's objects. Tests read and change objects here; every change bumps the one global
/// resource version and reaches open watches, exactly as a change through the API does.
/// </summary>
/// <remarks>
/// Objects are kept as immutable serialised snapshots (<see cref="StoredObject"/>): readers copy nothing
/// under the lock, and lists are written from the stored bytes. Methods that return objects return copies.
/// </remarks>
public sealed partial class ClusterStore
{
    private const int HistoryCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<ResourceType, SortedDictionary<string, StoredObject>> _objects = [];
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<Watcher> _watchers = [];
    private readonly TimeProvider _time;
    private long _resourceVersion;
    private int _lastAddress;

    internal ClusterStore(TimeProvider time)
    {
        _time = time;
        foreach (var type in ResourceCatalog.All)
        {
            _objects[type] = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
        }
    }

    /// <summary>The current (latest) resource version of the whole cluster.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    internal TimeProvider Time => _time;

    /// <summary>Called (under the store's lock) for each deleted object, so pod logs go with their pod.</summary>
    internal Action<StoredObject>? ObjectRemoved { get; set; }

    /// <summary>Whether writes to workloads create and remove pods (off while seeding).</summary>
    internal bool ControllersEnabled { get; set; } = true;

    /// <summary>The next number for a pod or cluster IP, so addresses are unique within the cluster.</summary>
    internal int NextAddress() => Interlocked.Increment(ref _lastAddress);

    /// <summary>Gets a copy of an object, or null when it does not exist.</summary>
    /// <param name="group">The API group ("" for the core group).</param>
    /// <param name="version">The API version (<c>v1</c>).</param>
    /// <param name="resource">The plural resource (<c>deployments</c>).</param>
    /// <param name="ns">The namespace; null or "" for cluster-scoped resources.</param>
    /// <param name="name">The object name.</param>
    public JsonObject? Get(string group, string version, string resource, string? ns, string name) =>
        Find(Resolve(group, version, resource), ns ?? "", name)?.ToNode();

    /// <summary>Lists copies of the objects of a resource, in one namespace or (null) in all of them.</summary>
    public IReadOnlyList<JsonObject> List(string group, string version, string resource, string? ns = null) =>
        [.. Snapshot(Resolve(group, version, resource), ns).Items.Select(o => o.ToNode())];

    /// <summary>Creates or replaces an object (no resource version check) and returns the stored copy.</summary>
    /// <exception cref="InvalidOperationException">The object is invalid or its namespace does not exist.</exception>
    public JsonObject Upsert(string group, string version, string resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var type = Resolve(group, version, resource);
        var copy = obj.DeepClone().AsObject();
        try
        {
            ObjectValidation.ValidateShape(type, copy);
        }
        catch (ApiException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        var ns = Json.GetString(copy, "metadata", "namespace") ?? (type.Namespaced ? "default" : "");
        var name = Json.GetString(copy, "metadata", "name") ?? "";
        try
        {
            lock (_lock)
            {
                if (Find(type, ns, name) is null)
                {
                    return Create(type, ns, copy, dryRun: false).ToNode();
                }

                Json.GetOrAddObject(copy, "metadata").Remove("resourceVersion");
                return Update(type, ns, name, _ => copy, dryRun: false).ToNode();
            }
        }
        catch (ApiException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>Deletes an object; false when it did not exist. Namespaces turn Terminating and go shortly after.</summary>
    public bool Delete(string group, string version, string resource, string? ns, string name)
    {
        var type = Resolve(group, version, resource);
        try
        {
            Delete(type, ns ?? "", name, dryRun: false);
            return true;
        }
        catch (ApiException e) when (e.Status.Code == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> running pods (<c>load-00001</c>..., label <c>app=load</c>, about 1 KB each as JSON)
    /// to a namespace, creating it when missing: data for list and watch benchmarks.
    /// </summary>
    /// <returns>The names of the pods added.</returns>
    public IReadOnlyList<string> AddPods(string ns, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var names = new List<string>(count);
        lock (_lock)
        {
            if (!NamespaceExists(ns))
            {
                Create(ResourceCatalog.Namespaces, "", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }, dryRun: false);
            }

            var start = _objects[ResourceCatalog.Pods].Values.Count(p => p.Namespace == ns && p.Name.StartsWith("load-", StringComparison.Ordinal));
            for (var i = start + 1; i <= start + count; i++)
            {
                var name = $"load-{i.ToString("D5", CultureInfo.InvariantCulture)}";
                Create(ResourceCatalog.Pods, ns, LoadPod(name), dryRun: false);
                names.Add(name);
            }
        }

        return names;
    }

    internal StoredObject? Find(ResourceType type, string ns, string name)
    {
        lock (_lock)
        {
            return _objects[type].GetValueOrDefault(Key(type, ns, name));
        }
    }

    internal (long ResourceVersion, List<StoredObject> Items) Snapshot(ResourceType type, string? ns)
    {
        lock (_lock)
        {
            var all = _objects[type].Values;
            var items = string.IsNullOrEmpty(ns) || !type.Namespaced
                ? [.. all]
                : all.Where(o => o.Namespace == ns).ToList();
            return (_resourceVersion, items);
        }
    }

    internal bool NamespaceExists(string name)
    {
        lock (_lock)
        {
            return _objects[ResourceCatalog.Namespaces].ContainsKey(name);
        }
    }

    private static JsonObject LoadPod(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["app"] = "load", ["tier"] = "backend" },
            ["annotations"] = new JsonObject { ["example.com/owner"] = "benchmarks" },
        },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "registry.example.com/load/app:1.0.0",
                ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["protocol"] = "TCP" }),
                ["env"] = new JsonArray(new JsonObject { ["name"] = "MODE", ["value"] = "benchmark" }),
            }),
        },
    };

    private static string Key(ResourceType type, string ns, string name) => type.Namespaced ? $"{ns}/{name}" : name;

    private static ResourceType Resolve(string group, string version, string resource) =>
        ResourceCatalog.Find(group, version, resource)
        ?? throw new ArgumentException($"the simulated cluster does not serve {resource} in \"{group}/{version}\"", nameof(resource));

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
