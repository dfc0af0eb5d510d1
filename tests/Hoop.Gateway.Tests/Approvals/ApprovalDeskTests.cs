using Hoop.Gateway.Approvals;
using Microsoft.DurableTask;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>Who may decide: the rule's approver groups, never the requester.</summary>
public sealed class ApprovalDeskTests
{
    [Fact]
    public async Task Decide_ByRequesterInApproverGroup_RefusedAsSelfApproval()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();

        var result = await host.Desk.DecideAsync(id, ApprovalTestHost.Alice, approve: true, null);

        Assert.Equal(403, result.StatusCode);
        Assert.Contains("cannot approve or deny it", result.Message, StringComparison.Ordinal);
        Assert.NotNull(await host.Desk.GetPendingAsync(id));
    }

    [Fact]
    public async Task Decide_ByPersonOutsideApproverGroups_Refused()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();

        var result = await host.Desk.DecideAsync(id, ApprovalTestHost.Carol, approve: true, null);

        Assert.Equal(403, result.StatusCode);
        Assert.Contains("is not an approver of rule \"scale-needs-approval\"", result.Message, StringComparison.Ordinal);
        Assert.NotNull(await host.Desk.GetPendingAsync(id));
    }

    [Fact]
    public async Task Decide_AlreadyDecided_NotFound()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();
        await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, null);
        await host.Client.WaitForInstanceCompletionAsync(id);

        var second = await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: false, null);

        Assert.Equal(404, second.StatusCode);
    }

    /// <remarks>
    /// A loaded gateway lists an approval while its orchestration is still Pending (scheduled, not yet picked up); a
    /// decision then must be accepted, not answered 404. The in-process sidecar starts instances at once when idle,
    /// so this covers the Pending case only when the worker is busy.
    /// </remarks>
    [Fact]
    public async Task Decide_RightAfterScheduling_AcceptedAndDeliveredWhenItRuns()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var input = ApprovalTestHost.Input("ap-just-scheduled");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(ApprovalTasks.Orchestration, input, new StartOrchestrationOptions(input.ApprovalId));

        var result = await host.Desk.DecideAsync(input.ApprovalId, ApprovalTestHost.Bob, approve: true, "at once");

        Assert.Equal(200, result.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await host.Client.WaitForInstanceCompletionAsync(input.ApprovalId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(ApprovalOutcome.Approved, done.ReadOutputAs<ApprovalOutcome>()!.Outcome);
    }

    [Fact]
    public async Task Decide_TwoApproversAtOnce_OneWinsTheOtherIsToldWhoDecided()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();
        var dave = new Approver("hoop-dev:dave", ["sre-leads"]);

        var results = await Task.WhenAll(
            host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, "bob"),
            host.Desk.DecideAsync(id, dave, approve: false, "dave"));

        var winner = Assert.Single(results, r => r.Accepted);
        var loser = Assert.Single(results, r => !r.Accepted);
        Assert.Equal(409, loser.StatusCode);
        var outcome = await host.Desk.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(10));
        Assert.Contains($"was already {outcome!.Outcome} by {outcome.Approver}; your decision was not recorded", loser.Message, StringComparison.Ordinal);
        Assert.Contains(outcome.Approver!, winner.Message, StringComparison.Ordinal);
    }
}
