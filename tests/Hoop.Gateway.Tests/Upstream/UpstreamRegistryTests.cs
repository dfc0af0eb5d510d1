using Hoop.Gateway.Upstream;
using Microsoft.Extensions.Time.Testing;

namespace Hoop.Gateway.Tests.Upstream;

public sealed class UpstreamRegistryTests
{
    [Fact]
    public async Task GetAsync_SameSettings_ReturnsTheCachedConnection()
    {
        var source = new ChangingSource();
        using var registry = new UpstreamRegistry(source, new FakeTimeProvider());

        var first = await registry.GetAsync("demo");
        var second = await registry.GetAsync("demo");

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal(0, registry.RetiredCount);
    }

    [Fact]
    public async Task GetAsync_SettingsChanged_DisposesTheReplacedConnectionOnlyAfterTheGracePeriod()
    {
        var source = new ChangingSource();
        var time = new FakeTimeProvider();
        using var registry = new UpstreamRegistry(source, time);
        var old = await registry.GetAsync("demo");

        source.Token = "rotated-token";
        var current = await registry.GetAsync("demo");

        Assert.NotSame(old, current);
        Assert.False(old!.IsDisposed);
        Assert.Equal(1, registry.RetiredCount);

        // A request that got the old connection before the change may still stream through it until the grace period ends.
        time.Advance(UpstreamRegistry.RetireAfter - TimeSpan.FromSeconds(1));
        Assert.False(old.IsDisposed);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(old.IsDisposed);
        Assert.False(current!.IsDisposed);
        Assert.Equal(0, registry.RetiredCount);
    }

    [Fact]
    public async Task Dispose_WithCurrentAndRetiredConnections_DisposesBoth()
    {
        var source = new ChangingSource();
        var registry = new UpstreamRegistry(source, new FakeTimeProvider());
        var old = await registry.GetAsync("demo");
        source.Token = "rotated-token";
        var current = await registry.GetAsync("demo");

        registry.Dispose();

        Assert.True(old!.IsDisposed);
        Assert.True(current!.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await registry.GetAsync("demo"));
    }

    [Fact]
    public async Task GetAsync_UnknownConnection_ReturnsNull()
    {
        using var registry = new UpstreamRegistry(new ChangingSource(), new FakeTimeProvider());

        Assert.Null(await registry.GetAsync("other"));
    }

    /// <summary>One connection, "demo", whose bearer token can change (a rotated credential gives new settings).</summary>
    private sealed class ChangingSource : IUpstreamConnectionSource
    {
        public string Token { get; set; } = "first-token";

        public ValueTask<UpstreamConnectionSettings?> FindAsync(string name, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(name == "demo"
                ? new UpstreamConnectionSettings { Name = "demo", Server = "https://127.0.0.1:6443", BearerToken = Token }
                : null);
    }
}
