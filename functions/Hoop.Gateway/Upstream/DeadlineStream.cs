namespace Hoop.Gateway.Upstream;

/// <summary>
/// A read-only wrapper that reports end-of-stream once a deadline passes, so a long-lived response (<c>logs -f</c>, a
/// watch past its <c>timeoutSeconds</c>) ends cleanly for the client instead of being cut by the platform (~230 s on
/// Azure Functions). kubectl and reflectors then re-establish the stream. It ends the same way when <paramref name="ended"/>
/// fires (the session ended): a re-established stream then gets 401.
/// </summary>
internal sealed class DeadlineStream(Stream inner, DateTimeOffset deadline, TimeProvider time, CancellationToken ended = default) : ReadOnlyStreamBase(inner)
{
    private bool _ended;

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
            return await Inner.ReadAsync(buffer, linked.Token);
        }
        catch (OperationCanceledException) when ((timer.IsCancellationRequested || ended.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
        {
            End();
            return 0;
        }
    }

    private void End()
    {
        _ended = true;
        Inner.Dispose();
    }
}
