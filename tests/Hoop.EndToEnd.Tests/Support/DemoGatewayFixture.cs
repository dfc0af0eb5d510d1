using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Hoop.Cli.Serve;
using Hoop.TestCluster;
using Hoop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// <c>hoop serve --demo</c> started in-process (the same code path as the command, minus the process boundary), so tests
/// can reach the simulated cluster behind it (append log lines, read what it received). One per test class.
/// </summary>
public abstract class DemoGatewayFixture : IAsyncLifetime
{
    private RunningGateway? _gateway;

    /// <summary>The simulated cluster's version; kubectl's dispatcher and the tests pick the matching client.</summary>
    protected abstract string KubernetesVersion { get; }

    /// <summary>The policy file (<c>--policy</c>); the forwarding suites allow everything, the guardrail suite uses the default.</summary>
    protected virtual string? PolicyFile => Path.Combine(AppContext.BaseDirectory, "assets", "policy", "allow-all.yaml");

    /// <summary>Service overrides for this fixture (applied after the gateway's own registrations of approvals).</summary>
    protected virtual Action<IServiceCollection>? ConfigureServices => null;

    /// <summary>Gateway settings for this fixture (tests shorten bounds through them).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>();

    internal RunningGateway Gateway => _gateway ?? throw new InvalidOperationException("not started");

    internal SimulatedCluster Cluster => Gateway.Demo.Cluster;

    internal Kubectl Kubectl { get; private set; } = null!;

    /// <summary>kubectl pointed straight at the simulated cluster (for comparisons and set-up, never through the gateway).</summary>
    internal Kubectl DirectKubectl { get; private set; } = null!;

    /// <summary>The user direct (set-up) requests impersonate, so they pass a cluster that requires impersonation.</summary>
    public const string DirectUser = "hoop-test-direct";

    /// <summary>Every log line the gateway wrote.</summary>
    internal LogCapture Logs { get; } = new();

    public string StateDir { get; } = Path.Combine(Path.GetTempPath(), "hoop-e2e-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _gateway = await ServeHost.StartAsync(
            new ServeSettings
            {
                Demo = true,
                Port = 0,
                StateDir = StateDir,
                PolicyFile = PolicyFile,
                DemoKubernetesVersion = KubernetesVersion,
                Configuration = Configuration,
                ConfigureServices = ConfigureServices,
                LoggerProvider = Logs,
            },
            CancellationToken.None);
        var minor = string.Join('.', KubernetesVersion.TrimStart('v').Split('.').Take(2));
        Kubectl = new Kubectl(Kubectl.BinaryFor(minor), Gateway.KubeconfigPath);
        var direct = Path.Combine(StateDir, "direct.kubeconfig");
        Cluster.WriteKubeconfig(direct);

        // Straight to the cluster as its admin; "as" sends Impersonate-User, which a cluster in impersonation mode requires.
        File.WriteAllText(direct, File.ReadAllText(direct).Replace("    token: ", "    as: " + DirectUser + "\n    token: ", StringComparison.Ordinal));
        DirectKubectl = new Kubectl(Kubectl.BinaryFor(minor), direct);
    }

    public virtual async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>An HttpClient for the gateway as alice's agent (session token, gateway CA trusted).</summary>
    internal HttpClient AgentClient(bool withToken = true)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(StateDir, "gateway.crt")));
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(ca.RawData);
        var client = new HttpClient(handler) { BaseAddress = new Uri(Gateway.Url, "/k8s/demo/") };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Gateway.Demo.SessionToken);
        }

        return client;
    }

    /// <summary>An HttpClient straight to the simulated cluster (its token, its CA).</summary>
    internal HttpClient DirectClient()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        var ca = Cluster.Certificate;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(ca.RawData);
        var client = new HttpClient(handler) { BaseAddress = Cluster.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Cluster.BearerToken);
        client.DefaultRequestHeaders.Add("Impersonate-User", DirectUser);
        return client;
    }
}
