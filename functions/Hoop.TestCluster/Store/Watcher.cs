using System.Threading.Channels;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Store;

/// <summary>One open watch: the store posts every change of its resource (and namespace) into it.</summary>
internal sealed class Watcher : IDisposable
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Watcher> _unregister;

    public Watcher(ResourceType type, string? @namespace, Action<Watcher> unregister)
    {
        Type = type;
        Namespace = @namespace;
        _unregister = unregister;
    }

    public ResourceType Type { get; }

    /// <summary>The namespace watched, or null for all namespaces (and cluster-scoped resources).</summary>
    public string? Namespace { get; }

    /// <summary>How many of the first events are the initial state (synthetic ADDED events), not changes.</summary>
    public int InitialEventCount { get; internal set; }

    /// <summary>The store's resource version when the watch began.</summary>
    public long StartResourceVersion { get; internal set; }

    /// <summary>Set when the requested resource version is older than the history the store keeps.</summary>
    public ApiStatus? Error { get; internal set; }

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    public void Dispose()
    {
        _unregister(this);
        _channel.Writer.TryComplete();
    }

    internal void Post(WatchEvent change)
    {
        if (Namespace is null || change.Object.Namespace == Namespace)
        {
            _channel.Writer.TryWrite(change);
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();
}
