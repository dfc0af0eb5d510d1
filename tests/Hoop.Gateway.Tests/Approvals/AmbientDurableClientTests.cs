using Hoop.Gateway.Approvals;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The invocation's Durable client flows to the gate on its own async flow only, and is gone after the scope.</summary>
public sealed class AmbientDurableClientTests
{
    [Fact]
    public async Task Use_InsideAndAfterTheScope_ClientThenNone()
    {
        await using var host = await ApprovalTestHost.StartAsync();
        var source = new AmbientDurableClient();

        using (AmbientDurableClient.Use(host.Client))
        {
            await Task.Yield();
            Assert.Same(host.Client, source.GetClient());
        }

        Assert.Throws<InvalidOperationException>(source.GetClient);
    }

    [Fact]
    public async Task Use_ConcurrentInvocations_EachSeesItsOwnClient()
    {
        await using var first = await ApprovalTestHost.StartAsync();
        await using var second = await ApprovalTestHost.StartAsync();
        var source = new AmbientDurableClient();
        using var bothSet = new Barrier(2);

        var seen = await Task.WhenAll(
            Task.Run(() => SeenIn(first.Client)),
            Task.Run(() => SeenIn(second.Client)));

        Assert.Same(first.Client, seen[0]);
        Assert.Same(second.Client, seen[1]);

        async Task<Microsoft.DurableTask.Client.DurableTaskClient> SeenIn(Microsoft.DurableTask.Client.DurableTaskClient client)
        {
            using (AmbientDurableClient.Use(client))
            {
                bothSet.SignalAndWait(TimeSpan.FromSeconds(10));
                await Task.Delay(10);
                return source.GetClient();
            }
        }
    }
}
