using System.Text.Json.Nodes;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;

namespace Hoop.Functions.Tests.Wiring;

/// <summary>
/// The Functions host cannot run here, so the app is proven from what the SDK builds: <c>functions.metadata</c> (what the
/// host would load) must declare the same routes as the local host, and host.json must keep routes unprefixed.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static JsonArray LoadMetadata()
    {
        var path = Path.Combine(RepositoryPaths.FunctionAppOutput, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build the function app first");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    /// <summary>Functions routes use one '*' for a catch-all, ASP.NET Core two; compare them in one form.</summary>
    private static string Normalise(string route) => route.Replace("{**", "{*", StringComparison.Ordinal).Trim('/');

    [Fact]
    public void FunctionsMetadata_HttpRoutes_EqualLocalHostRoutes()
    {
        var functionRoutes = LoadMetadata()
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] == "httpTrigger")
            .Select(b => Normalise((string)b!["route"]!))
            .ToHashSet(StringComparer.Ordinal);

        var localRoutes = GatewayRoutes.All.Select(Normalise).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(localRoutes.Order(StringComparer.Ordinal), functionRoutes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionsMetadata_KubernetesTrigger_AcceptsEveryKubernetesMethod()
    {
        var trigger = LoadMetadata()
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Single(b => (string?)b!["type"] == "httpTrigger" && ((string)b!["route"]!).StartsWith("k8s/", StringComparison.Ordinal));

        var methods = trigger!["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToHashSet();

        Assert.Superset(new HashSet<string> { "GET", "POST", "PUT", "PATCH", "DELETE" }, methods);
        Assert.Equal("anonymous", ((string?)trigger["authLevel"])?.ToLowerInvariant());
    }

    [Theory]
    [InlineData("orchestrationTrigger")]
    [InlineData("activityTrigger")]
    public void FunctionsMetadata_DurableNames_EqualLocalWorkerRegistry(string trigger)
    {
        var names = LoadMetadata()
            .Where(f => f!["bindings"]!.AsArray().Any(b => (string?)b!["type"] == trigger))
            .Select(f => (string)f!["name"]!)
            .Order(StringComparer.Ordinal);
        IEnumerable<string> local = trigger == "orchestrationTrigger" ? [ApprovalTasks.Orchestration] : ApprovalTasks.Activities;

        Assert.Equal(local.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("Kubernetes")]
    [InlineData("Approvals")]
    [InlineData("ApprovalDecision")]
    [InlineData("Sessions")]
    public void FunctionsMetadata_FunctionsThatReachApprovals_BindTheDurableClient(string function)
    {
        var bindings = LoadMetadata().Single(f => (string?)f!["name"] == function)!["bindings"]!.AsArray();

        var client = Assert.Single(bindings, b => (string?)b!["type"] == "durableClient");

        Assert.Equal("In", (string?)client!["direction"], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void HostJson_InOutput_HasEmptyRoutePrefixAndIsTheRepositoryFile()
    {
        var output = Path.Combine(RepositoryPaths.FunctionAppOutput, "host.json");
        var repository = Path.Combine(RepositoryPaths.Root, "host.json");

        var host = JsonNode.Parse(File.ReadAllText(output))!;

        Assert.Equal("", (string?)host["extensions"]?["http"]?["routePrefix"]);
        Assert.Equal(File.ReadAllText(repository), File.ReadAllText(output));
    }
}
