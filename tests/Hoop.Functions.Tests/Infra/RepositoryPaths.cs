using System.Reflection;

namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// Where the infra tests find their inputs: the repository (baked in at build time by the csproj) and the bicep
/// binary from the Azure.Bicep.CommandLine.linux-x64 package in the NuGet cache.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string InfraBicep { get; } = Path.Combine(Root, "infra-bicep");

    public static string HostJson { get; } = Path.Combine(Root, "host.json");

    public static string DeployDocs { get; } = Path.Combine(Root, "docs", "deploy.md");

    public static string BicepExecutable { get; } = Metadata("BicepPath");

    private static string Metadata(string key)
    {
        var value = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"Assembly metadata '{key}' is missing: see Hoop.Functions.Tests.csproj.");
        }

        return value;
    }
}
