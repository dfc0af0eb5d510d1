using Hoop.Gateway.Approvals;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The session is checked again when an approval is consumed (DESIGN.md §6): an ended or expired session forwards nothing.</summary>
public sealed class DurableApprovalGateSessionTests : IDisposable
{
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "hoop-approval-sessions-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Await_SessionExpiredBeforeTheRetry_UnauthorizedAndApprovalNotConsumed()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var (request, decision) = ApprovalTestHost.Scale(3);
        await host.Gate.AwaitApprovalAsync(request, decision);
        var id = await host.PendingIdAsync();
        await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, null);
        await host.Client.WaitForInstanceCompletionAsync(id);
        var expired = request with { Session = request.Session with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) } };

        var refusal = await host.Gate.AwaitApprovalAsync(expired, decision);

        Assert.NotNull(refusal);
        Assert.Equal(401, refusal.Code);
        Assert.StartsWith(SessionTokenAuthenticator.SessionEnded, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Journal.Approvals, r => r.ApprovalId == id && r.Step == ApprovalRecord.Steps.Executed);
        Assert.True(await host.Ledger.TryConsumeAsync(id), "the refused call must not have consumed the approval");
    }

    [Fact]
    public async Task Await_SessionEndedWhileHeld_UnauthorizedWhenTheApprovalLands()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 30);
        var store = new SecretStoreSessionStore(new FileSecretStore(_secrets));
        var sessionId = SessionToken.NewSessionId();
        var (request, decision) = ApprovalTestHost.Scale(3, sessionId);
        await store.CreateAsync(request.Session, "token-hash");
        var gate = host.GateWith(new StoreSessionValidity(store, TimeProvider.System));

        var held = gate.AwaitApprovalAsync(request, decision).AsTask();
        var id = await host.PendingIdAsync(sessionId);
        await store.EndAsync(sessionId);
        Assert.NotNull(await store.GetAsync(sessionId));
        var decided = await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, null);
        var refusal = await held;

        Assert.True(decided.Accepted, decided.Message);
        Assert.NotNull(refusal);
        Assert.Equal(401, refusal.Code);
        Assert.Contains($"approval {id} was not used", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Journal.Approvals, r => r.ApprovalId == id && r.Step == ApprovalRecord.Steps.Executed);
    }

    [Fact]
    public async Task Await_SessionStillValidInTheStore_Forwards()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 30);
        var store = new SecretStoreSessionStore(new FileSecretStore(_secrets));
        var sessionId = SessionToken.NewSessionId();
        var (request, decision) = ApprovalTestHost.Scale(3, sessionId);
        await store.CreateAsync(request.Session, "token-hash");
        var gate = host.GateWith(new StoreSessionValidity(store, TimeProvider.System));

        var held = gate.AwaitApprovalAsync(request, decision).AsTask();
        var id = await host.PendingIdAsync(sessionId);
        await host.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, null);

        Assert.Null(await held);
        Assert.Single(host.Journal.Approvals, r => r.ApprovalId == id && r.Step == ApprovalRecord.Steps.Executed);
    }

    [Fact]
    public async Task Await_NoDurableClientBoundToTheInvocation_ThrowsSoThePipelineFailsClosed()
    {
        await using var host = await ApprovalTestHost.StartAsync(holdSeconds: 1);
        var gate = host.GateWith(sessions: null, new AmbientDurableClient());
        var (request, decision) = ApprovalTestHost.Scale(3);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await gate.AwaitApprovalAsync(request, decision));
    }

    public void Dispose()
    {
        if (Directory.Exists(_secrets))
        {
            Directory.Delete(_secrets, recursive: true);
        }
    }
}
