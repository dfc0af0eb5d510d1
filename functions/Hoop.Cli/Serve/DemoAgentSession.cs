using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;

namespace Hoop.Cli.Serve;

/// <summary>
/// Alice's agent session in the demo: alice signs in at the dev issuer (validated through the real OIDC path), starts a
/// session through the same session service <c>POST /sessions</c> uses, and the agent's kubeconfig is written to
/// <c>DIR/agent.kubeconfig</c>. The role's maxSession bounds it, so it is started again shortly before it ends.
/// </summary>
internal sealed class DemoAgentSession(
    DemoEnvironment demo, OidcTokenValidator oidc, SessionService sessions, GatewayAddress address, string kubeconfigPath, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    /// <summary>Starts alice's session and writes the kubeconfig.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var signIn = await oidc.ValidateAsync(demo.Identity.IssueToken("alice", time), cancellationToken);
        if (!signIn.Succeeded)
        {
            throw new CliException($"the demo could not sign alice in: {signIn.Failure}");
        }

        var started = await sessions.StartAsync(
            signIn.Person,
            new SessionRequest { Connection = DemoEnvironment.Connection, Role = DemoEnvironment.AgentRole, Ttl = "1h", Reason = "hoop serve --demo: alice's agent" },
            cancellationToken);
        if (!started.Succeeded)
        {
            throw new CliException($"the demo could not start alice's session: {started.Failure}");
        }

        demo.Session = started.Value.Session;
        demo.SessionToken = started.Value.Token;
        var kubeconfig = AgentKubeconfig.Render(address.BaseUrl!, DemoEnvironment.Connection, started.Value.Token, address.CertificateAuthorityPem, "default");
        var temporary = kubeconfigPath + ".tmp";
        await File.WriteAllTextAsync(temporary, kubeconfig, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, kubeconfigPath, overwrite: true);
    }

    /// <summary>Starts a new session shortly before the current one ends, until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = demo.Session.ExpiresAt - RenewBefore - time.GetUtcNow();
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), time, cancellationToken);
                await StartAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
