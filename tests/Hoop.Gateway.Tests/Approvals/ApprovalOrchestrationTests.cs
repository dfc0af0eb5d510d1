using Hoop.Gateway.Approvals;
using Hoop.Gateway.Recording;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The orchestration run for real under the in-process Durable Task host.</summary>
public sealed class ApprovalOrchestrationTests
{
    [Fact]
    public async Task Run_DecisionEvent_CompletesWithApproverAndJournalsDecided()
    {
        await using var host = await ApprovalTestHost.StartAsync();
        var id = await StartAsync(host, "ap-approve", TimeSpan.FromMinutes(5));

        await host.Client.RaiseEventAsync(id, ApprovalOrchestration.DecisionEvent,
            new ApprovalDecision { Approve = true, Approver = "hoop-dev:bob", Comment = "ok", At = DateTimeOffset.UtcNow });
        var outcome = await CompleteAsync(host, id);

        Assert.Equal(ApprovalOutcome.Approved, outcome.Outcome);
        Assert.Equal("hoop-dev:bob", outcome.Approver);
        var decided = Assert.Single(host.Journal.Approvals, r => r.Step == ApprovalRecord.Steps.Decided);
        Assert.Equal((id, "approved", "hoop-dev:bob", "ok"), (decided.ApprovalId, decided.Outcome, decided.Actor, decided.Comment));
    }

    [Fact]
    public async Task Run_DenyEvent_CompletesDenied()
    {
        await using var host = await ApprovalTestHost.StartAsync();
        var id = await StartAsync(host, "ap-deny", TimeSpan.FromMinutes(5));

        await host.Client.RaiseEventAsync(id, ApprovalOrchestration.DecisionEvent,
            new ApprovalDecision { Approve = false, Approver = "hoop-dev:bob", Comment = "not now", At = DateTimeOffset.UtcNow });
        var outcome = await CompleteAsync(host, id);

        Assert.Equal((ApprovalOutcome.Denied, "not now"), (outcome.Outcome, outcome.Comment));
    }

    [Fact]
    public async Task Run_NoDecisionBeforeTimeout_Expires()
    {
        await using var host = await ApprovalTestHost.StartAsync();
        var id = await StartAsync(host, "ap-timeout", TimeSpan.FromSeconds(1));

        var outcome = await CompleteAsync(host, id);

        Assert.Equal(ApprovalOutcome.Expired, outcome.Outcome);
        Assert.Null(outcome.Approver);
        Assert.Contains(host.Journal.Approvals, r => r.ApprovalId == id && r.Step == ApprovalRecord.Steps.Decided && r.Outcome == "expired");
    }

    [Fact]
    public async Task Run_NotifierFails_FailureJournaledAndApprovalStillDecidable()
    {
        await using var host = await ApprovalTestHost.StartAsync();
        var id = await StartAsync(host, "ap-notify-fails", TimeSpan.FromMinutes(5));
        await host.PendingIdAsync("s-orch");

        await host.Client.RaiseEventAsync(id, ApprovalOrchestration.DecisionEvent,
            new ApprovalDecision { Approve = true, Approver = "hoop-dev:bob", At = DateTimeOffset.UtcNow });
        var outcome = await CompleteAsync(host, id);

        Assert.Equal(ApprovalOutcome.Approved, outcome.Outcome);
        var notified = Assert.Single(host.Journal.Approvals, r => r.Step == ApprovalRecord.Steps.Notified);
        Assert.Equal("teams", notified.Actor);
        Assert.StartsWith("failed: Teams webhook (127.0.0.1): connection failed (ConnectionRefused) after 3 attempt(s)", notified.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(Notifications.WebhookReceiver.Signature, notified.Outcome, StringComparison.Ordinal);
    }

    private static async Task<string> StartAsync(ApprovalTestHost host, string id, TimeSpan timeout)
    {
        var (request, decision) = ApprovalTestHost.Scale(3, "s-orch");
        var input = new ApprovalRequest
        {
            ApprovalId = id,
            SessionId = request.Session.Id,
            AuditId = request.AuditId,
            Requester = request.Session.User,
            Connection = "demo",
            Method = request.Method,
            Target = request.Target,
            Rule = decision.Rule!,
            ApproverGroups = ["sre-leads"],
            Timeout = timeout,
        };
        return await host.Client.ScheduleNewOrchestrationInstanceAsync(ApprovalTasks.Orchestration, input, new StartOrchestrationOptions(id));
    }

    private static async Task<ApprovalOutcome> CompleteAsync(ApprovalTestHost host, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        return state.ReadOutputAs<ApprovalOutcome>()!;
    }
}
