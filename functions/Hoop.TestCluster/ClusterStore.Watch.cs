using System.Globalization;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;

namespace Hoop.TestCluster;

/// <summary>Watches: a bounded history of changes (for watches that resume from a resource version) and the open watchers.</summary>
public sealed partial class ClusterStore
{
    private long _historyFloor;

    /// <summary>
    /// Opens a watch. With no resource version (or "0") or <paramref name="sendInitialEvents"/>, the current objects
    /// arrive first as ADDED events; with a resource version, the changes after it are replayed from history.
    /// </summary>
    internal Watcher Watch(ResourceType type, string? ns, string? resourceVersion, bool sendInitialEvents)
    {
        lock (_lock)
        {
            var watcher = new Watcher(type, type.Namespaced && !string.IsNullOrEmpty(ns) ? ns : null, Unregister)
            {
                StartResourceVersion = _resourceVersion,
            };
            if (sendInitialEvents || string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                var (_, items) = Snapshot(type, watcher.Namespace);
                foreach (var item in items)
                {
                    watcher.Post(new WatchEvent(WatchEvent.Added, item, null));
                }

                watcher.InitialEventCount = items.Count;
            }
            else
            {
                var from = ParseResourceVersion(resourceVersion);
                if (from < _historyFloor)
                {
                    watcher.Error = ApiStatus.Expired($"too old resource version: {from} ({(_historyFloor + 1).ToString(CultureInfo.InvariantCulture)})");
                    watcher.Complete();
                    return watcher;
                }

                foreach (var change in _history)
                {
                    if (change.Object.Type == type && change.Object.ResourceVersion > from)
                    {
                        watcher.Post(change);
                    }
                }
            }

            _watchers.Add(watcher);
            return watcher;
        }
    }

    internal static long ParseResourceVersion(string resourceVersion) =>
        long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiException(ApiStatus.BadRequest($"invalid resource version \"{resourceVersion}\""));

    private void Publish(WatchEvent change)
    {
        _history.Enqueue(change);
        if (_history.Count > HistoryCapacity)
        {
            _historyFloor = _history.Dequeue().Object.ResourceVersion;
        }

        foreach (var watcher in _watchers)
        {
            if (watcher.Type == change.Object.Type)
            {
                watcher.Post(change);
            }
        }
    }

    private void Unregister(Watcher watcher)
    {
        lock (_lock)
        {
            _watchers.Remove(watcher);
        }
    }
}
