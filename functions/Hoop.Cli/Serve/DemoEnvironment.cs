using System.Security.Cryptography;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Sessions;
using Hoop.TestCluster;

namespace Hoop.Cli.Serve;

/// <summary>
/// What <c>hoop serve --demo</c> runs beside the gateway: the simulated cluster (its kubeconfig kept in the local secret
/// store as the <c>demo</c> connection's credential) and a session of alice's for her agent.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    /// <summary>Environment variable choosing the simulated cluster's version (kubectl's dispatcher picks its client from it).</summary>
    public const string KubernetesVersionVariable = "HOOP_DEMO_KUBERNETES_VERSION";

    public const string Connection = "demo";
    public const string CredentialSecret = "conn-demo";

    /// <summary>The demo's auditor (group <c>auditors</c>), who may export and replay the journal over HTTP.</summary>
    public const string Auditor = "hoop-dev:carol";

    private DemoEnvironment(SimulatedCluster cluster, Session session, string sessionToken, FileSecretStore secrets)
    {
        Cluster = cluster;
        Session = session;
        SessionToken = sessionToken;
        Secrets = secrets;
    }

    public SimulatedCluster Cluster { get; }

    public Session Session { get; }

    public string SessionToken { get; }

    /// <summary>carol's bearer token for the auditor endpoints (until the dev identity provider lands).</summary>
    public string AuditorToken { get; } = "hoop_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The demo's people as approvers see them (until the dev identity provider lands).</summary>
    public static IReadOnlyDictionary<string, Approver> People { get; } = new Dictionary<string, Approver>(StringComparer.Ordinal)
    {
        ["alice"] = new("hoop-dev:alice", ["developers"]),
        ["bob"] = new("hoop-dev:bob", ["sre-leads"]),
        ["carol"] = new("hoop-dev:carol", ["auditors"]),
    };

    /// <summary>Bearer tokens of the demo's people for the approvals API (written to DIR/users/NAME.token).</summary>
    public IReadOnlyDictionary<string, string> PersonTokens { get; } = People.Keys.ToDictionary(k => k, _ => "hoop_" + Base64Url(RandomNumberGenerator.GetBytes(32)), StringComparer.Ordinal);

    /// <summary>The local secret store (stands in for Key Vault): holds the demo connection's kubeconfig.</summary>
    public FileSecretStore Secrets { get; }

    public static async Task<DemoEnvironment> StartAsync(string stateDir, string? kubernetesVersion, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var options = new SimulatedClusterOptions();
        if (kubernetesVersion is { Length: > 0 })
        {
            options = options with { GitVersion = kubernetesVersion };
        }

        var cluster = await SimulatedCluster.StartAsync(options, cancellationToken);
        var secrets = new FileSecretStore(Path.Combine(stateDir, "secrets"));
        var kubeconfigPath = Path.Combine(stateDir, "secrets", "cluster.kubeconfig.tmp");
        cluster.WriteKubeconfig(kubeconfigPath);
        var kubeconfig = await File.ReadAllTextAsync(kubeconfigPath, cancellationToken);
        File.Delete(kubeconfigPath);
        await secrets.SetSecretAsync(CredentialSecret, kubeconfig, cancellationToken);

        // The foundation's session token: random, 256 bits, recognisable prefix. The identity issue adds sign-in and Key Vault.
        var token = "hoop_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new Session(
            Id: "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            User: "hoop-dev:alice",
            Groups: ["developers"],
            Role: "agent",
            Connection: Connection,
            ExpiresAt: time.GetUtcNow().AddHours(12));
        return new DemoEnvironment(cluster, session, token, secrets);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
