namespace Hoop.Gateway.Upstream;

/// <summary>
/// A read-only wrapper that reports end-of-stream once a deadline passes, so a long-lived response (<c>logs -f</c>, a
/// watch past its <c>timeoutSeconds</c>) ends cleanly for the client instead of being cut by the platform (~230 s on
/// Azure Functions). kubectl and reflectors then re-establish the stream. It ends the same way when <paramref name="ended"/>
/// fires (the session ended): a re-established stream then gets 401.
/// </summary>
internal sealed class DeadlineStream(Stream inner, DateTimeOffset deadline, TimeProvider time, CancellationToken ended = default) : Stream
{
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return 0;
        }

        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero || ended.IsCancellationRequested)
        {
            End();
            return 0;
        }

        using var timer = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token, ended);
        try
        {
            return await inner.ReadAsync(buffer, linked.Token);
        }
        catch (OperationCanceledException) when ((timer.IsCancellationRequested || ended.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
        {
            End();
            return 0;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void End()
    {
        _ended = true;
        inner.Dispose();
    }
}
