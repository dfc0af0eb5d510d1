using Hoop.Gateway.Approvals;
using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The decided step: journaled, and the approval no longer counts against its session's pending cap.</summary>
public sealed class RecordApprovalOutcomeActivityTests
{
    [Fact]
    public async Task RecordOutcome_ExpiredWithTheTableLedger_JournalsAndFreesTheSessionsPendingSlot()
    {
        var ledger = await TableApprovalLedgerTests.NewLedgerAsync();
        var journal = new ListAuditJournal();
        Assert.True(await ledger.TryClaimStartAsync("s-1", "ap-1", maxPending: 1));
        Assert.Null(await ledger.TryClaimStartAsync("s-1", "ap-2", maxPending: 1));
        var activity = new RecordApprovalOutcomeActivity(journal, ledger);

        await activity.RunCoreAsync(new ApprovalOutcome
        {
            ApprovalId = "ap-1",
            SessionId = "s-1",
            AuditId = "a-1",
            Outcome = ApprovalOutcome.Expired,
            At = DateTimeOffset.UtcNow,
        });

        Assert.Single(journal.Approvals, r => r.ApprovalId == "ap-1" && r.Step == ApprovalRecord.Steps.Decided && r.Outcome == ApprovalOutcome.Expired);
        Assert.True(await ledger.TryClaimStartAsync("s-1", "ap-2", maxPending: 1));
    }
}
