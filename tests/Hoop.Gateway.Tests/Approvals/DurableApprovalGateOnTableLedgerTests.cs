namespace Hoop.Gateway.Tests.Approvals;

/// <summary>Every <see cref="DurableApprovalGateTests"/> test again, with the Table Storage ledger on Azurite (the function app's ledger).</summary>
public sealed class DurableApprovalGateOnTableLedgerTests : DurableApprovalGateTests
{
    private protected override async Task<ApprovalTestHost> StartHostAsync(int holdSeconds)
        => await ApprovalTestHost.StartAsync(holdSeconds, await TableApprovalLedgerTests.NewLedgerAsync());
}
