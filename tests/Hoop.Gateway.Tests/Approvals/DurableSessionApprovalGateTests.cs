using Hoop.Gateway.Approvals;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>
/// Just-in-time session approval: <c>POST /sessions</c> for a role with <c>sessionApproval</c>, through
/// <see cref="SessionService"/>, with the approval orchestration running for real under the in-process Durable Task host.
/// </summary>
public sealed class DurableSessionApprovalGateTests : IAsyncLifetime
{
    private ApprovalTestHost _approvals = null!;
    private SessionHarness _h = null!;

    public async Task InitializeAsync()
    {
        _approvals = await ApprovalTestHost.StartAsync();
        _h = await SessionHarness.StartAsync(_approvals.SessionGate());
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _approvals.DisposeAsync();
    }

    [Fact]
    public async Task Start_GatedRole_AcceptedPendingAndNoSessionYet()
    {
        var outcome = await StartAsync();

        Assert.Equal(202, outcome.StatusCode);
        Assert.NotNull(outcome.ApprovalId);
        Assert.Contains($"waiting for approval {outcome.ApprovalId} by sre-leads", outcome.Failure, StringComparison.Ordinal);
        Assert.Empty(_h.Audit.Started);
        var pending = Assert.Single(await _approvals.Desk.ListPendingAsync(), p => p.ApprovalId == outcome.ApprovalId);
        Assert.Equal(DurableSessionApprovalGate.Verb, pending.Verb);
        Assert.Equal("POST", pending.Method);
        Assert.Equal("/sessions", pending.Target);
        Assert.Equal("sessions", pending.Resource);
        Assert.Equal("gated", pending.Name);
        Assert.Equal("demo", pending.Connection);
        Assert.Equal(_h.Alice().User, pending.Requester);
        Assert.Equal(["sre-leads"], pending.ApproverGroups);
        Assert.Contains("\"reason\":\"investigate the outage\"", pending.Body, StringComparison.Ordinal);
        Assert.Contains("\"ttl\":\"30m\"", pending.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ApprovedThenSamePost_StartsTheSessionOnceAndTheNextPostAsksAgain()
    {
        var asked = await StartAsync();
        await DecideAsync(asked.ApprovalId!, ApprovalTestHost.Bob, approve: true);

        var started = await StartAsync();
        var again = await StartAsync();

        Assert.True(started.Succeeded, started.Failure);
        Assert.Equal("gated", started.Value.Session.Role);
        var (session, reason) = Assert.Single(_h.Audit.Started);
        Assert.Equal(started.Value.Session.Id, session.Id);
        Assert.Equal("investigate the outage", reason);
        Assert.Equal(202, again.StatusCode);
        Assert.NotEqual(asked.ApprovalId, again.ApprovalId);
        var steps = _approvals.Journal.Approvals.Where(r => r.ApprovalId == asked.ApprovalId).Select(r => r.Step).ToList();
        Assert.Equal([ApprovalRecord.Steps.Requested, ApprovalRecord.Steps.Notified, ApprovalRecord.Steps.Decided, ApprovalRecord.Steps.Executed], steps);
    }

    [Fact]
    public async Task Start_Steps_JournaledInTheDaysRefusalPartitionNamingPersonAndRole()
    {
        var asked = await StartAsync();
        await DecideAsync(asked.ApprovalId!, ApprovalTestHost.Bob, approve: true);
        var started = await StartAsync();

        var records = _approvals.Journal.Approvals.Where(r => r.ApprovalId == asked.ApprovalId).ToList();
        var partition = JournalSessionAudit.RefusalPartition(records[0].At);
        Assert.All(records, r => Assert.Equal(partition, r.SessionId));
        var requested = records[0];
        Assert.Equal(_h.Alice().User, requested.Actor);
        Assert.Contains("role gated on connection demo", requested.Comment, StringComparison.Ordinal);
        Assert.Equal(JournalSessionAudit.RefusalsUser, requested.Session?.User);
        Assert.Equal(partition, requested.Session?.Id);
        var decided = Assert.Single(records, r => r.Step == ApprovalRecord.Steps.Decided);
        Assert.Equal(ApprovalTestHost.Bob.User, decided.Actor);
        var executed = Assert.Single(records, r => r.Step == ApprovalRecord.Steps.Executed);
        Assert.Contains(started.Value!.Session.Id, executed.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RepeatWhilePending_JoinsTheSameApproval()
    {
        var first = await StartAsync();
        var second = await StartAsync();

        Assert.Equal(202, second.StatusCode);
        Assert.Equal(first.ApprovalId, second.ApprovalId);
        Assert.Single(_approvals.Journal.Approvals, r => r.Step == ApprovalRecord.Steps.Requested);
        Assert.Single(await _approvals.Desk.ListPendingAsync());
    }

    [Fact]
    public async Task Start_AnotherReason_AnotherApproval()
    {
        var first = await StartAsync();
        var second = await StartAsync("look at the logs");

        Assert.Equal(202, second.StatusCode);
        Assert.NotEqual(first.ApprovalId, second.ApprovalId);
    }

    [Fact]
    public async Task Start_Denied_ForbiddenNamingTheApproverAndTheRepeatAsksAgain()
    {
        var asked = await StartAsync();
        await DecideAsync(asked.ApprovalId!, ApprovalTestHost.Bob, approve: false, comment: "not during the freeze");

        var denied = await StartAsync();
        var again = await StartAsync();

        Assert.Equal(403, denied.StatusCode);
        Assert.Contains($"session approval {asked.ApprovalId} was denied by {ApprovalTestHost.Bob.User}: not during the freeze", denied.Failure, StringComparison.Ordinal);
        Assert.Contains(_h.Audit.Refusals, r => r.StatusCode == 403 && r.Reason == denied.Failure);
        Assert.Empty(_h.Audit.Started);
        Assert.Equal(202, again.StatusCode);
        Assert.NotEqual(asked.ApprovalId, again.ApprovalId);
    }

    [Fact]
    public async Task Start_NoDecisionBeforeTheTimeout_ForbiddenNamingTheTimeout()
    {
        var asked = await StartAsync(role: "gated-briefly");
        await _approvals.Client.WaitForInstanceCompletionAsync(asked.ApprovalId!, getInputsAndOutputs: false);

        var expired = await StartAsync(role: "gated-briefly");

        Assert.Equal(403, expired.StatusCode);
        Assert.Contains($"session approval {asked.ApprovalId} expired without a decision (timeout 00:00:02)", expired.Failure, StringComparison.Ordinal);
        Assert.Empty(_h.Audit.Started);
    }

    [Fact]
    public async Task Decide_RequesterApprovesTheirOwnSession_RefusedAndStillPending()
    {
        var asked = await StartAsync();
        await WaitDecidableAsync(asked.ApprovalId!);

        var self = await _approvals.Desk.DecideAsync(asked.ApprovalId!, new Approver(_h.Alice().User, ["sre-leads"]), approve: true, comment: null);
        var repeat = await StartAsync();

        Assert.Equal(403, self.StatusCode);
        Assert.Contains("cannot approve or deny it", self.Message, StringComparison.Ordinal);
        Assert.Equal(202, repeat.StatusCode);
        Assert.Equal(asked.ApprovalId, repeat.ApprovalId);
        Assert.Empty(_h.Audit.Started);
    }

    [Fact]
    public async Task Decide_ApproverNotInTheRolesApproverGroups_Refused()
    {
        var asked = await StartAsync();
        await WaitDecidableAsync(asked.ApprovalId!);

        var carol = await _approvals.Desk.DecideAsync(asked.ApprovalId!, ApprovalTestHost.Carol, approve: true, comment: null);

        Assert.Equal(403, carol.StatusCode);
        Assert.Contains("gated/sessionApproval", carol.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TwentyParallelPostsAfterApproval_ExactlyOneSessionStarts()
    {
        var asked = await StartAsync();
        await DecideAsync(asked.ApprovalId!, ApprovalTestHost.Bob, approve: true);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => StartAsync()));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(_h.Audit.Started);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(202, o.StatusCode));
        Assert.Single(outcomes.Where(o => !o.Succeeded).Select(o => o.ApprovalId).Distinct());
    }

    private Task<SessionOutcome<StartedSession>> StartAsync(string reason = "investigate the outage", string role = "gated")
        => _h.Service.StartAsync(_h.Alice(), new SessionRequest { Connection = "demo", Role = role, Ttl = "30m", Reason = reason });

    private async Task WaitDecidableAsync(string id)
    {
        for (var i = 0; i < 100 && await _approvals.Desk.GetPendingAsync(id) is null; i++)
        {
            await Task.Delay(100);
        }
    }

    private async Task DecideAsync(string id, Approver approver, bool approve, string? comment = null)
    {
        await WaitDecidableAsync(id);
        var result = await _approvals.Desk.DecideAsync(id, approver, approve, comment);
        Assert.Equal(200, result.StatusCode);
        await _approvals.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false);
    }
}
