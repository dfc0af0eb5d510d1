using System.Security.Cryptography;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Sessions;
using Hoop.TestCluster;

namespace Hoop.Cli.Serve;

/// <summary>
/// What <c>hoop serve --demo</c> runs beside the gateway: the simulated cluster (its kubeconfig kept in the local secret
/// store as the <c>demo</c> connection's credential), the local secret store with the session key, the built-in dev
/// identity provider, and — once the gateway serves — a session of alice's for her agent.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    /// <summary>Environment variable choosing the simulated cluster's version (kubectl's dispatcher picks its client from it).</summary>
    public const string KubernetesVersionVariable = "HOOP_DEMO_KUBERNETES_VERSION";

    public const string Connection = "demo";
    public const string CredentialSecret = "conn-demo";
    public const string AgentRole = "agent";

    /// <summary>The demo's auditor (group <c>auditors</c>), who may export and replay the journal over HTTP.</summary>
    public const string Auditor = "hoop-dev:carol";

    private DemoEnvironment(SimulatedCluster cluster, FileSecretStore secrets, DevIdentityProvider identity)
    {
        Cluster = cluster;
        Secrets = secrets;
        Identity = identity;
    }

    public SimulatedCluster Cluster { get; }

    /// <summary>carol's bearer token for the auditor endpoints (the auditor endpoints do not sign people in yet).</summary>
    public string AuditorToken { get; } = "hoop_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The local secret store (<c>DIR/secrets</c>): cluster credential, session key, session records, dev issuer key.</summary>
    public FileSecretStore Secrets { get; }

    public DevIdentityProvider Identity { get; }

    /// <summary>Alice's agent session (set once the gateway serves; renewed before it expires).</summary>
    public Session Session { get; set; } = null!;

    /// <summary>The token of <see cref="Session"/>.</summary>
    public string SessionToken { get; set; } = null!;

    /// <summary>Starts the cluster (refusing requests without <c>Impersonate-User</c> when <paramref name="requireImpersonation"/>) and the local stores.</summary>
    public static async Task<DemoEnvironment> StartAsync(string stateDir, string? kubernetesVersion, bool requireImpersonation, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var options = new SimulatedClusterOptions { RequireImpersonation = requireImpersonation };
        if (kubernetesVersion is { Length: > 0 })
        {
            options = options with { GitVersion = kubernetesVersion };
        }

        var cluster = await SimulatedCluster.StartAsync(options, cancellationToken);
        var secrets = new FileSecretStore(Path.Combine(stateDir, "secrets"), time);
        var kubeconfigPath = Path.Combine(stateDir, "secrets", "cluster.kubeconfig.tmp");
        cluster.WriteKubeconfig(kubeconfigPath);
        var kubeconfig = await File.ReadAllTextAsync(kubeconfigPath, cancellationToken);
        File.Delete(kubeconfigPath);
        await secrets.SetSecretAsync(CredentialSecret, kubeconfig, cancellationToken);

        // The session master key: made once per state folder (in Azure it is provisioned in Key Vault, docs/deploy.md).
        if (await secrets.GetSecretAsync(SessionKeys.SecretName, cancellationToken) is null)
        {
            await secrets.SetSecretAsync(SessionKeys.SecretName, SessionKeys.NewSecret(), cancellationToken);
        }

        // The approval link key, likewise.
        if (await secrets.GetSecretAsync(ApprovalLinks.SecretName, cancellationToken) is null)
        {
            await secrets.SetSecretAsync(ApprovalLinks.SecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        }

        var identity = await DevIdentityProvider.LoadOrCreateAsync(secrets, cancellationToken);
        return new DemoEnvironment(cluster, secrets, identity);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
