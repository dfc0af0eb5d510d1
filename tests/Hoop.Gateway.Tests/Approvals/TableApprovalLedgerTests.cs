using Azure.Data.Tables;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Tests.Recording;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The Table Storage ledger against Azurite: every conditional write under real races.</summary>
public sealed class TableApprovalLedgerTests
{
    private const int Racers = 20;

    internal static async Task<TableApprovalLedger> NewLedgerAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        return TableApprovalLedger.Create(new ApprovalLedgerOptions { ConnectionString = azurite.ConnectionString, TableName = SharedAzurite.NewPrefix() });
    }

    private static Task<T[]> RaceAsync<T>(Func<int, ValueTask<T>> racer)
        => Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(async () => await racer(i))));

    [Fact]
    public async Task TryConsume_TwentyParallel_ExactlyOneTrue()
    {
        var ledger = await NewLedgerAsync();

        var results = await RaceAsync(_ => ledger.TryConsumeAsync("ap-1"));

        Assert.Single(results, r => r);
        Assert.False(await ledger.TryConsumeAsync("ap-1"));
        Assert.True(await ledger.TryConsumeAsync("ap-2"));
    }

    [Fact]
    public async Task TryUseLink_TwentyParallel_ExactlyOneTrue()
    {
        var ledger = await NewLedgerAsync();

        var results = await RaceAsync(_ => ledger.TryUseLinkAsync("link-1"));

        Assert.Single(results, r => r);
        Assert.False(await ledger.TryUseLinkAsync("link-1"));
    }

    [Fact]
    public async Task TryClaimStart_TwentyRacingForOneApproval_ExactlyOneClaims()
    {
        var ledger = await NewLedgerAsync();

        var results = await RaceAsync(_ => ledger.TryClaimStartAsync("s-1", "ap-1", maxPending: 5));

        Assert.Single(results, r => r == true);
        Assert.Equal(Racers - 1, results.Count(r => r == false));
    }

    [Fact]
    public async Task TryClaimStart_TwentyApprovalsRacingAgainstTheCap_ExactlyTheCapClaims()
    {
        var ledger = await NewLedgerAsync();

        var results = await RaceAsync(i => ledger.TryClaimStartAsync("s-1", $"ap-{i}", maxPending: 5));

        Assert.Equal(5, results.Count(r => r == true));
        Assert.Equal(Racers - 5, results.Count(r => r is null));
        Assert.True(await ledger.TryClaimStartAsync("s-2", "ap-other-session", maxPending: 5));
    }

    [Fact]
    public async Task Finish_RacingTwentyTimes_FreesExactlyOneSlot()
    {
        var ledger = await NewLedgerAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await ledger.TryClaimStartAsync("s-1", $"ap-{i}", maxPending: 3));
        }

        Assert.Null(await ledger.TryClaimStartAsync("s-1", "ap-3", maxPending: 3));
        await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Task.Run(async () => await ledger.FinishAsync("s-1", "ap-0"))));

        Assert.True(await ledger.TryClaimStartAsync("s-1", "ap-3", maxPending: 3));
        Assert.Null(await ledger.TryClaimStartAsync("s-1", "ap-4", maxPending: 3));
        Assert.False(await ledger.TryClaimStartAsync("s-1", "ap-0", maxPending: 3));
    }

    [Fact]
    public async Task Finish_UnknownApproval_ChangesNothing()
    {
        var ledger = await NewLedgerAsync();
        Assert.True(await ledger.TryClaimStartAsync("s-1", "ap-0", maxPending: 1));

        await ledger.FinishAsync("s-1", "ap-never-claimed");

        Assert.Null(await ledger.TryClaimStartAsync("s-1", "ap-1", maxPending: 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public async Task TryAdvance_TwentyRacingFromOneGeneration_ExactlyOneWins(int from)
    {
        var ledger = await NewLedgerAsync();
        for (var g = 0; g < from; g++)
        {
            Assert.True(await ledger.TryAdvanceAsync("s-1", "fp", g));
        }

        Assert.Equal(from, await ledger.GenerationAsync("s-1", "fp"));
        var results = await RaceAsync(_ => ledger.TryAdvanceAsync("s-1", "fp", from));

        Assert.Single(results, r => r);
        Assert.Equal(from + 1, await ledger.GenerationAsync("s-1", "fp"));
        Assert.Equal(0, await ledger.GenerationAsync("s-1", "other-fp"));
        Assert.Equal(0, await ledger.GenerationAsync("s-2", "fp"));
    }

    [Fact]
    public async Task TryAdvance_FromAStaleGeneration_Loses()
    {
        var ledger = await NewLedgerAsync();
        Assert.True(await ledger.TryAdvanceAsync("s-1", "fp", 0));
        Assert.True(await ledger.TryAdvanceAsync("s-1", "fp", 1));

        Assert.False(await ledger.TryAdvanceAsync("s-1", "fp", 0));
        Assert.False(await ledger.TryAdvanceAsync("s-1", "fp", 1));
        Assert.Equal(2, await ledger.GenerationAsync("s-1", "fp"));
    }

    [Theory]
    [InlineData("s/with/slashes")]
    [InlineData("s#hash?query\\back")]
    [InlineData("s\u0001control")]
    public async Task Ledger_KeysTableStorageRefuses_AreStoredHashed(string sessionId)
    {
        var ledger = await NewLedgerAsync();

        Assert.True(await ledger.TryAdvanceAsync(sessionId, "fp", 0));
        Assert.True(await ledger.TryClaimStartAsync(sessionId, "ap/1", maxPending: 1));
        Assert.True(await ledger.TryConsumeAsync("ap#1"));

        Assert.Equal(1, await ledger.GenerationAsync(sessionId, "fp"));
        Assert.StartsWith("s!", TableApprovalLedger.Key("s", sessionId), StringComparison.Ordinal);
        Assert.Equal("s~plain-id", TableApprovalLedger.Key("s", "plain-id"));
    }

    [Fact]
    public async Task Purge_RowsWrittenBeforeTheCutoff_AreDeletedOthersKept()
    {
        var azurite = await SharedAzurite.GetAsync();
        var name = SharedAzurite.NewPrefix();
        var ledger = TableApprovalLedger.Create(new ApprovalLedgerOptions { ConnectionString = azurite.ConnectionString, TableName = name });
        Assert.True(await ledger.TryConsumeAsync("ap-1"));
        Assert.True(await ledger.TryAdvanceAsync("s-1", "fp", 0));

        var none = await ledger.PurgeAsync(DateTimeOffset.UtcNow.AddMinutes(-5));
        var all = await ledger.PurgeAsync(DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.Equal(0, none);
        Assert.Equal(2, all);
        var left = new TableClient(azurite.ConnectionString, name).QueryAsync<TableEntity>();
        Assert.Empty(await left.ToListAsync());
        Assert.True(await ledger.TryConsumeAsync("ap-1"));
    }
}
