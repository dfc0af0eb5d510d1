using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The approve stage over real orchestrations (in-process Durable Task host), with the in-memory ledger; the same tests run on the Table ledger (<see cref="DurableApprovalGateOnTableLedgerTests"/>).</summary>
public class DurableApprovalGateTests
{
    /// <summary>Starts the test host with this class's ledger.</summary>
    private protected virtual Task<ApprovalTestHost> StartHostAsync(int holdSeconds) => ApprovalTestHost.StartAsync(holdSeconds);

    [Fact]
    public async Task Await_ApprovedWhileHeld_ForwardsAndJournalsEverySteps()
    {
        await using var host = await StartHostAsync(holdSeconds: 30);
        var (request, decision) = ApprovalTestHost.Scale(3);

        var held = host.Gate.AwaitApprovalAsync(request, decision).AsTask();
        var id = await host.PendingIdAsync();
        var result = await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, "go");

        Assert.True(result.Accepted, result.Message);
        Assert.Null(await held);
        var steps = host.Journal.Approvals.Where(r => r.ApprovalId == id).Select(r => r.Step).ToList();
        Assert.Equal([ApprovalRecord.Steps.Requested, ApprovalRecord.Steps.Notified, ApprovalRecord.Steps.Decided, ApprovalRecord.Steps.Executed], steps);
    }

    [Fact]
    public async Task Await_DeniedWhileHeld_ForbiddenNamingTheApprover()
    {
        await using var host = await StartHostAsync(holdSeconds: 30);
        var (request, decision) = ApprovalTestHost.Scale(3);

        var held = host.Gate.AwaitApprovalAsync(request, decision).AsTask();
        var id = await host.PendingIdAsync();
        await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: false, "freeze until Monday");
        var refusal = await held;

        Assert.NotNull(refusal);
        Assert.Equal(403, refusal.Code);
        Assert.Equal($"approval {id} was denied by hoop-dev:bob: freeze until Monday", refusal.Message);
    }

    [Fact]
    public async Task Await_HoldEnds_ForbiddenPendingWithIdAndRetriesJoin()
    {
        await using var host = await StartHostAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);

        var first = await host.Gate.AwaitApprovalAsync(request, decision);
        var retry = await host.Gate.AwaitApprovalAsync(request with { AuditId = "retry" }, decision);

        var id = await host.PendingIdAsync();
        Assert.Equal($"approval {id} is pending; run the same command again once approved", first?.Message);
        Assert.Equal(first?.Message, retry?.Message);
        Assert.Single(await host.Desk.ListPendingAsync());
    }

    [Fact]
    public async Task Await_RetryAfterApproval_ForwardsOnceThenNeedsNewApproval()
    {
        await using var host = await StartHostAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();
        await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, null);
        await host.Client.WaitForInstanceCompletionAsync(id);

        var forwarded = await host.Gate.AwaitApprovalAsync(request, decision);
        var again = await host.Gate.AwaitApprovalAsync(request, decision);

        Assert.Null(forwarded);
        Assert.NotNull(again);
        Assert.DoesNotContain(id, again.Message, StringComparison.Ordinal);
        Assert.EndsWith("is pending; run the same command again once approved", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Await_SameRequestAfterDenial_StartsNewApproval()
    {
        await using var host = await StartHostAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var denied = await host.PendingIdAsync();
        await host.Desk.DecideAsync(denied, ApprovalTestHost.Bob, approve: false, null);
        await host.Client.WaitForInstanceCompletionAsync(denied);

        var told = await host.Gate.AwaitApprovalAsync(request, decision);
        var asked = await host.Gate.AwaitApprovalAsync(request, decision);

        Assert.Equal($"approval {denied} was denied by hoop-dev:bob", told?.Message);
        var fresh = await host.PendingIdAsync();
        Assert.NotEqual(denied, fresh);
        Assert.Equal($"approval {fresh} is pending; run the same command again once approved", asked?.Message);
    }

    [Fact]
    public async Task Await_TwentyParallelRetriesAfterApproval_ExactlyOneForwards()
    {
        await using var host = await StartHostAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(5);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();
        await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, null);
        await host.Client.WaitForInstanceCompletionAsync(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(async () => await host.Gate.AwaitApprovalAsync(request with { AuditId = $"r{i}" }, decision))));

        Assert.Single(results, r => r is null);
        Assert.Single(host.Journal.Approvals, r => r.ApprovalId == id && r.Step == ApprovalRecord.Steps.Executed);
    }

    [Fact]
    public async Task Await_DifferentBody_IsADifferentApproval()
    {
        await using var host = await StartHostAsync(holdSeconds: 1);
        var (three, decision) = ApprovalTestHost.Scale(3);
        var (thirty, _) = ApprovalTestHost.Scale(30);

        var a = await host.Gate.AwaitApprovalAsync(three, decision);
        var b = await host.Gate.AwaitApprovalAsync(thirty, decision);

        Assert.NotEqual(a?.Message, b?.Message);
        Assert.Equal(2, (await host.Desk.ListPendingAsync()).Count);
    }
}
