namespace Hoop.TestCluster.Logs;

/// <summary>Container logs by namespace, pod and container, with the readers following them.</summary>
internal sealed class PodLogStore(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Namespace, string Pod, string Container), List<LogLine>> _lines = [];
    private readonly Dictionary<(string Namespace, string Pod, string Container), List<LogFollower>> _followers = [];

    public void Append(string ns, string pod, string container, string line)
    {
        var entry = new LogLine(time.GetUtcNow(), line);
        lock (_lock)
        {
            var key = (ns, pod, container);
            if (!_lines.TryGetValue(key, out var lines))
            {
                _lines[key] = lines = [];
            }

            lines.Add(entry);
            foreach (var follower in _followers.GetValueOrDefault(key) ?? [])
            {
                follower.Post(entry);
            }
        }
    }

    public IReadOnlyList<LogLine> Read(string ns, string pod, string container)
    {
        lock (_lock)
        {
            return [.. _lines.GetValueOrDefault((ns, pod, container)) ?? []];
        }
    }

    /// <summary>Starts following a container's log; the backlog and the subscription are taken atomically, so no line is lost or doubled.</summary>
    public LogFollower Follow(string ns, string pod, string container)
    {
        var key = (ns, pod, container);
        lock (_lock)
        {
            var follower = new LogFollower([.. _lines.GetValueOrDefault(key) ?? []], f => Unfollow(key, f));
            if (!_followers.TryGetValue(key, out var followers))
            {
                _followers[key] = followers = [];
            }

            followers.Add(follower);
            return follower;
        }
    }

    /// <summary>The pod is gone: forget its logs and end its followers' streams.</summary>
    public void RemovePod(string ns, string pod)
    {
        lock (_lock)
        {
            foreach (var key in _lines.Keys.Where(k => k.Namespace == ns && k.Pod == pod).ToList())
            {
                _lines.Remove(key);
            }

            foreach (var key in _followers.Keys.Where(k => k.Namespace == ns && k.Pod == pod).ToList())
            {
                _followers[key].ForEach(f => f.End());
                _followers.Remove(key);
            }
        }
    }

    private void Unfollow((string, string, string) key, LogFollower follower)
    {
        lock (_lock)
        {
            if (_followers.TryGetValue(key, out var followers))
            {
                followers.Remove(follower);
            }
        }
    }
}
