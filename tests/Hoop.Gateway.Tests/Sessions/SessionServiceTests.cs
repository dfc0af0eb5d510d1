using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;

namespace Hoop.Gateway.Tests.Sessions;

public sealed class SessionServiceTests : IAsyncLifetime
{
    private SessionHarness _h = null!;

    public async Task InitializeAsync() => _h = await SessionHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static SessionRequest Request(string role = "agent", string connection = "demo", string? ttl = "30m", string? reason = "why")
        => new() { Role = role, Connection = connection, Ttl = ttl, Reason = reason };

    [Fact]
    public async Task Start_TtlAboveMaxSession_IsCappedByTheRole()
    {
        var outcome = await _h.Service.StartAsync(_h.Alice(), Request(ttl: "8h"));

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(SessionHarness.Start.AddHours(1), outcome.Value.Session.ExpiresAt);
        Assert.Contains(_h.Audit.Started, s => s.Session.Id == outcome.Value.Session.Id && s.Reason == "why");
    }

    [Fact]
    public async Task Start_SystemGroups_AreNeverForwardedEvenWhenTheRoleListsThem()
    {
        var outcome = await _h.Service.StartAsync(_h.Alice(), Request());

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(["developers"], outcome.Value.Session.Groups);
    }

    [Fact]
    public async Task Start_NoAuthTime_Is401()
    {
        var person = _h.Alice() with { AuthTime = null };

        var outcome = await _h.Service.StartAsync(person, Request());

        Assert.Equal(401, outcome.StatusCode);
        Assert.Single(_h.Audit.Refusals);
    }

    [Fact]
    public async Task Start_StaleSignIn_Is401()
    {
        var person = _h.Alice(SessionHarness.Start.AddMinutes(-20));

        var outcome = await _h.Service.StartAsync(person, Request());

        Assert.Equal(401, outcome.StatusCode);
        Assert.Contains("sign in again", outcome.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "demo")]
    [InlineData("agent", "prod")]
    public async Task Start_RoleNotGrantedOrConnectionNotListed_Is403(string role, string connection)
    {
        var outcome = await _h.Service.StartAsync(_h.Alice(), Request(role, connection));

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains(_h.Audit.Refusals, r => r.StatusCode == 403 && r.User == "https://issuer.example#alice");
    }

    [Fact]
    public async Task Start_PersonWithoutTheRolesGroup_Is403()
    {
        var bob = _h.Alice() with { User = "https://issuer.example#bob", Groups = ["sre-leads"] };

        var outcome = await _h.Service.StartAsync(bob, Request());

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains("none of your groups", outcome.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Start_NoReason_Is400(string? reason)
    {
        var outcome = await _h.Service.StartAsync(_h.Alice(), Request(reason: reason));

        Assert.Equal(400, outcome.StatusCode);
    }

    [Fact]
    public async Task Start_BadTtl_Is400()
    {
        var outcome = await _h.Service.StartAsync(_h.Alice(), Request(ttl: "forever"));

        Assert.Equal(400, outcome.StatusCode);
    }

    [Fact]
    public async Task ListAndEnd_OwnSession_ListsThenEnds()
    {
        var started = await _h.StartSessionAsync();

        var before = await _h.Service.ListAsync(_h.Alice());
        var ended = await _h.Service.EndAsync(_h.Alice(), started.Session.Id);
        var after = await _h.Service.ListAsync(_h.Alice());

        Assert.Equal("active", Assert.Single(before).State);
        Assert.True(ended.Succeeded);
        Assert.Equal("ended", Assert.Single(after).State);
        Assert.Contains(_h.Audit.Ended, e => e.Session.Id == started.Session.Id);
        Assert.False((await _h.Authenticator.AuthenticateAsync(started.Token, "demo")).Succeeded);
    }

    [Fact]
    public async Task End_SomeoneElsesSession_Is404AndLeavesItActive()
    {
        var started = await _h.StartSessionAsync();
        var mallory = _h.Alice() with { User = "https://issuer.example#mallory" };

        var outcome = await _h.Service.EndAsync(mallory, started.Session.Id);

        Assert.Equal(404, outcome.StatusCode);
        Assert.Empty(await _h.Service.ListAsync(mallory));
        Assert.True((await _h.Authenticator.AuthenticateAsync(started.Token, "demo")).Succeeded);
    }

    [Fact]
    public async Task List_AfterExpiry_ShowsExpired()
    {
        await _h.StartSessionAsync("5m");

        _h.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal("expired", Assert.Single(await _h.Service.ListAsync(_h.Alice())).State);
    }

    [Fact]
    public async Task Start_RoleNeedsSessionApproval_RefusedAndNothingStarted()
    {
        var outcome = await _h.Service.StartAsync(_h.Alice(), Request(role: "gated"));

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains("needs an approval by sre-leads to start a session", outcome.Failure, StringComparison.Ordinal);
        Assert.Empty(_h.Audit.Started);
        Assert.Single(_h.Audit.Refusals);
    }
}
