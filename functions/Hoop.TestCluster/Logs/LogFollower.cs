using System.Threading.Channels;

namespace Hoop.TestCluster.Logs;

/// <summary>A <c>logs -f</c> reader: the lines already written, then each new one as it is appended.</summary>
internal sealed class LogFollower(IReadOnlyList<LogLine> backlog, Action<LogFollower> unregister) : IDisposable
{
    private readonly Channel<LogLine> _channel = Channel.CreateUnbounded<LogLine>(new UnboundedChannelOptions { SingleReader = true });

    public IReadOnlyList<LogLine> Backlog { get; } = backlog;

    public ChannelReader<LogLine> Lines => _channel.Reader;

    public void Dispose()
    {
        unregister(this);
        _channel.Writer.TryComplete();
    }

    internal void Post(LogLine line) => _channel.Writer.TryWrite(line);

    /// <summary>The container is gone: the stream ends after the lines already posted.</summary>
    internal void End() => _channel.Writer.TryComplete();
}
