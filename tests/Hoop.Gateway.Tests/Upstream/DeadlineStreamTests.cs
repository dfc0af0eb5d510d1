using System.IO.Pipelines;
using Hoop.Gateway.Upstream;
using Microsoft.Extensions.Time.Testing;

namespace Hoop.Gateway.Tests.Upstream;

public sealed class DeadlineStreamTests
{
    [Fact]
    public async Task ReadAsync_BeforeDeadline_PassesDataThrough()
    {
        var time = new FakeTimeProvider();
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync("line\n"u8.ToArray());
        using var stream = new DeadlineStream(pipe.Reader.AsStream(), time.GetUtcNow().AddSeconds(10), time);
        var buffer = new byte[16];

        var read = await stream.ReadAsync(buffer);

        Assert.Equal("line\n", System.Text.Encoding.UTF8.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task ReadAsync_DeadlinePassesWhileWaiting_EndsCleanly()
    {
        var time = new FakeTimeProvider();
        var pipe = new Pipe();
        using var stream = new DeadlineStream(pipe.Reader.AsStream(), time.GetUtcNow().AddSeconds(10), time);

        var pending = stream.ReadAsync(new byte[16]).AsTask();
        time.Advance(TimeSpan.FromSeconds(11));
        var read = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, read);
        Assert.Equal(0, await stream.ReadAsync(new byte[16]));
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_Throws()
    {
        var time = new FakeTimeProvider();
        var pipe = new Pipe();
        using var stream = new DeadlineStream(pipe.Reader.AsStream(), time.GetUtcNow().AddSeconds(10), time);
        using var cts = new CancellationTokenSource();

        var pending = stream.ReadAsync(new byte[16], cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }
}
