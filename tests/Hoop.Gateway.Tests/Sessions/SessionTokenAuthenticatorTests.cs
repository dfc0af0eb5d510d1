using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Tests.Sessions;

/// <summary>The authenticate stage over the real SecretClient and a local Key Vault endpoint, on a fake clock.</summary>
public sealed class SessionTokenAuthenticatorTests : IAsyncLifetime
{
    private SessionHarness _h = null!;

    public async Task InitializeAsync() => _h = await SessionHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Authenticate_StartedSession_ReturnsItsSessionWithMappedGroupsOnly()
    {
        var started = await _h.StartSessionAsync();

        var result = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(started.Session.Id, result.Session.Id);
        Assert.Equal("https://issuer.example#alice", result.Session.User);
        Assert.Equal(["developers"], result.Session.Groups);
    }

    [Fact]
    public async Task Authenticate_MissingToken_Is401AndJournaled()
    {
        var result = await _h.Authenticator.AuthenticateAsync((string?)null, "demo");

        Assert.False(result.Succeeded);
        Assert.Contains(_h.Audit.Refusals, r => r.Reason == SessionTokenAuthenticator.MissingToken && r.Route == "/k8s/demo");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("hoopst_0123456789abcdef01234567_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAxxxxxxxx")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.")]
    public async Task Authenticate_MalformedOrBadChecksum_IsRefusedWithoutAnyKeyVaultCall(string token)
    {
        var before = _h.Vault.Requests.Count;

        var result = await _h.Authenticator.AuthenticateAsync(token, "demo");

        Assert.False(result.Succeeded);
        Assert.Equal(SessionTokenAuthenticator.InvalidToken, result.Failure);
        Assert.Equal(before, _h.Vault.Requests.Count);
        Assert.Single(_h.Audit.Refusals);
    }

    [Fact]
    public async Task Authenticate_WellFormedButUnknown_IsRefused()
    {
        var result = await _h.Authenticator.AuthenticateAsync(SessionToken.Create(SessionToken.NewSessionId()), "demo");

        Assert.False(result.Succeeded);
        Assert.Equal(SessionTokenAuthenticator.InvalidToken, result.Failure);
    }

    [Fact]
    public async Task Authenticate_TokenOfAnotherSessionIdButRightChecksum_IsRefused()
    {
        // An attacker who knows a session id (not secret) crafts a token with that id: the keyed hash does not match.
        var started = await _h.StartSessionAsync();

        var forged = SessionToken.Create(started.Session.Id);
        var result = await _h.Authenticator.AuthenticateAsync(forged, "demo");

        Assert.False(result.Succeeded);
        Assert.Equal(SessionTokenAuthenticator.InvalidToken, result.Failure);
    }

    [Fact]
    public async Task Authenticate_OtherConnection_IsRefused()
    {
        var started = await _h.StartSessionAsync();

        var result = await _h.Authenticator.AuthenticateAsync(started.Token, "prod");

        Assert.False(result.Succeeded);
        Assert.Contains("\"prod\"", result.Failure, StringComparison.Ordinal);
        Assert.Contains(_h.Audit.Refusals, r => r.SessionId == started.Session.Id && r.Route == "/k8s/prod");
    }

    [Fact]
    public async Task Authenticate_AfterExpiry_IsRefused()
    {
        var started = await _h.StartSessionAsync("10m");

        _h.Time.Advance(TimeSpan.FromMinutes(10));
        var result = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");

        Assert.False(result.Succeeded);
        Assert.Equal(SessionTokenAuthenticator.SessionEnded, result.Failure);
    }

    [Fact]
    public async Task Authenticate_EndedSession_IsRefusedWithinTheBoundOnAnotherInstance()
    {
        var started = await _h.StartSessionAsync();
        Assert.True((await _h.Authenticator.AuthenticateAsync(started.Token, "demo")).Succeeded);

        // Another gateway instance ends the session: this instance's cache still holds "valid" for at most the bound.
        await _h.Store.EndAsync(started.Session.Id);
        _h.Time.Advance(TimeSpan.FromSeconds(SessionHarness.BoundSeconds - 1));
        var withinBound = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var atBound = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");

        Assert.True(withinBound.Succeeded);
        Assert.False(atBound.Succeeded);
        Assert.Equal(SessionTokenAuthenticator.SessionEnded, atBound.Failure);
    }

    [Fact]
    public async Task Authenticate_RepeatedWithinBound_ReadsKeyVaultOnce()
    {
        var started = await _h.StartSessionAsync();
        var before = _h.Vault.Requests.Count(r => r.StartsWith("GET /secrets/session-", StringComparison.Ordinal));

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await _h.Authenticator.AuthenticateAsync(started.Token, "demo")).Succeeded);
        }

        var reads = _h.Vault.Requests.Count(r => r.StartsWith("GET /secrets/session-", StringComparison.Ordinal)) - before;
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Ended_SessionEndedElsewhere_FiresWithinTheBound()
    {
        var started = await _h.StartSessionAsync();
        var result = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");

        await _h.Store.EndAsync(started.Session.Id);
        await _h.AdvanceAsync(TimeSpan.FromSeconds(SessionHarness.BoundSeconds));

        Assert.True(result.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task Ended_SessionStillValid_DoesNotFire()
    {
        var started = await _h.StartSessionAsync();
        var result = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");

        await _h.AdvanceAsync(TimeSpan.FromSeconds(SessionHarness.BoundSeconds * 3));

        Assert.False(result.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task Ended_SessionExpires_Fires()
    {
        var started = await _h.StartSessionAsync("1m");
        var result = await _h.Authenticator.AuthenticateAsync(started.Token, "demo");

        await _h.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task Authenticate_EasyAuthPrincipalHeaderOnK8s_IsRefusedEvenWithAValidToken()
    {
        var started = await _h.StartSessionAsync();
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + started.Token;
        context.Request.Headers[EasyAuthHeaders.Principal] = "e30=";

        var result = await _h.Authenticator.AuthenticateAsync(context.Request, "demo");

        Assert.False(result.Succeeded);
        Assert.Equal(SessionTokenAuthenticator.EasyAuthRefused, result.Failure);
        Assert.Contains(_h.Audit.Refusals, r => r.Reason == SessionTokenAuthenticator.EasyAuthRefused);
    }

    [Fact]
    public async Task KeyVault_SessionSecret_HoldsTheKeyedHashNeverTheToken()
    {
        var started = await _h.StartSessionAsync();

        var secret = await _h.Secrets.GetSecretEntryAsync("session-" + started.Session.Id);

        Assert.NotNull(secret);
        Assert.DoesNotContain(_h.Vault.Values, v => v.Contains(started.Token, StringComparison.Ordinal) || v.Contains(started.Token[^51..], StringComparison.Ordinal));
        Assert.Equal(started.Session.ExpiresAt, secret.Properties.ExpiresOn);
        Assert.Equal("https://issuer.example#alice", secret.Properties.Tags["user"]);
        Assert.Equal("agent", secret.Properties.Tags["role"]);
        Assert.Equal("demo", secret.Properties.Tags["connection"]);
    }
}
