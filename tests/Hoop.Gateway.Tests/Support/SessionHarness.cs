using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hoop.Gateway.Tests.Support;

/// <summary>
/// The session feature wired as the gateway wires it, over the real SecretClient and a local Key Vault endpoint, on a
/// fake clock: start sessions, authenticate tokens, end sessions, move time.
/// </summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    public const int BoundSeconds = 5;

    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static readonly SessionRole Agent = new("agent", ["developers", "system:masters"], ["demo"], TimeSpan.FromHours(1));

    /// <summary>A role whose sessions need an approval to start (<c>sessionApproval</c>).</summary>
    public static readonly SessionRole Gated = new("gated", ["developers"], ["demo"], TimeSpan.FromHours(1)) { SessionApprovers = ["sre-leads"] };

    /// <summary>A gated role whose session approvals expire after two seconds.</summary>
    public static readonly SessionRole GatedBriefly = new("gated-briefly", ["developers"], ["demo"], TimeSpan.FromHours(1))
    {
        SessionApprovers = ["sre-leads"],
        SessionApprovalTimeout = TimeSpan.FromSeconds(2),
    };

    private SessionHarness(LocalKeyVault vault, ISecretStore secrets, ISessionApprovalGate? approvals)
    {
        Vault = vault;
        Secrets = secrets;
        var sessionOptions = Options.Create(new SessionOptions { ValidationCacheSeconds = BoundSeconds });
        var identityOptions = Options.Create(new IdentityOptions());
        Store = new SecretStoreSessionStore(secrets);
        Keys = new SecretStoreSessionKeySource(secrets);
        Cache = new SessionCache(Store, sessionOptions, Time);
        Watcher = new SessionEndWatcher(Cache, sessionOptions, Time, NullLogger<SessionEndWatcher>.Instance);
        Authenticator = new SessionTokenAuthenticator(Cache, Keys, Watcher, Audit, Time);
        Service = new SessionService(Store, Cache, Keys, new StaticSessionRoleSource([Agent, Gated, GatedBriefly]), Audit, sessionOptions, identityOptions, Time, approvals);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public LocalKeyVault Vault { get; }

    public ISecretStore Secrets { get; }

    public RecordingSessionAudit Audit { get; } = new();

    internal SecretStoreSessionStore Store { get; }

    internal SecretStoreSessionKeySource Keys { get; }

    internal SessionCache Cache { get; }

    internal SessionEndWatcher Watcher { get; }

    internal SessionTokenAuthenticator Authenticator { get; }

    public SessionService Service { get; }

    /// <summary>Starts the harness; with <paramref name="approvals"/>, gated roles ask for a session approval there.</summary>
    public static async Task<SessionHarness> StartAsync(ISessionApprovalGate? approvals = null)
    {
        var vault = await LocalKeyVault.StartAsync();
        var secrets = new KeyVaultSecretStore(vault.CreateClient());
        await secrets.SetSecretAsync(SessionKeys.SecretName, SessionKeys.NewSecret(), new SecretProperties { Name = SessionKeys.SecretName });
        return new SessionHarness(vault, secrets, approvals);
    }

    public SignedInPerson Alice(DateTimeOffset? authTime = null)
        => new("https://issuer.example#alice", "https://issuer.example", "alice", ["developers", "system:masters", "other"], authTime ?? Time.GetUtcNow(), "oidc");

    public async Task<StartedSession> StartSessionAsync(string ttl = "30m")
    {
        var outcome = await Service.StartAsync(Alice(), new SessionRequest { Connection = "demo", Role = "agent", Ttl = ttl, Reason = "testing" });
        Assert.True(outcome.Succeeded, outcome.Failure);
        return outcome.Value;
    }

    /// <summary>Moves the clock and lets the watcher check (timers fire on the fake clock).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Watcher.CheckAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Watcher.Dispose();
        await Vault.DisposeAsync();
    }
}
