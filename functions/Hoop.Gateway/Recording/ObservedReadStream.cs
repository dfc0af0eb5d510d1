using Hoop.Gateway.Upstream;

namespace Hoop.Gateway.Recording;

/// <summary>
/// A read-only stream that hands every block it reads to an observer, then lets the observer hold the reader back
/// (the recorder's back-pressure when the journal falls behind).
/// </summary>
internal sealed class ObservedReadStream(Stream inner, Action<ReadOnlySpan<byte>> observe, Func<ValueTask>? afterRead = null) : ReadOnlyStreamBase(inner)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken);
        if (read > 0)
        {
            observe(buffer.Span[..read]);
            if (afterRead is not null)
            {
                await afterRead();
            }
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Inner.Read(buffer, offset, count);
        if (read > 0)
        {
            observe(buffer.AsSpan(offset, read));
        }

        return read;
    }
}
