using Hoop.TestCluster;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>
/// One simulated cluster per kubectl version under test, each reporting that version (as the kubectl dispatcher
/// would need), with a <see cref="KubectlRunner"/> for the matching real kubectl binary.
/// </summary>
public sealed class KubectlClustersFixture : IAsyncLifetime
{
    /// <summary>The kubectl versions under test and the server version each cluster reports.</summary>
    public static readonly IReadOnlyDictionary<string, string> GitVersions = new Dictionary<string, string>
    {
        ["1.27"] = "v1.27.16",
        ["1.33"] = "v1.33.1",
    };

    private const string KubectlDirectory = "/usr/lib/google-cloud-sdk/bin";

    private readonly Dictionary<string, (SimulatedCluster Cluster, KubectlRunner Kubectl)> _clusters = [];
    private string _root = "";

    public SimulatedCluster Cluster(string version) => _clusters[version].Cluster;

    public KubectlRunner Kubectl(string version) => _clusters[version].Kubectl;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("hoop-kubectl-").FullName;
        var started = await Task.WhenAll(GitVersions.Select(async pair =>
            (Version: pair.Key, Cluster: await SimulatedCluster.StartAsync(new SimulatedClusterOptions { GitVersion = pair.Value }))));
        foreach (var (version, cluster) in started)
        {
            var home = Directory.CreateDirectory(Path.Combine(_root, version)).FullName;
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(home, "kubeconfig"));
            _clusters[version] = (cluster, new KubectlRunner(Path.Combine(KubectlDirectory, $"kubectl.{version}"), kubeconfig, home));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (cluster, _) in _clusters.Values)
        {
            await cluster.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
