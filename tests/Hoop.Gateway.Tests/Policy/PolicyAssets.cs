using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>Paths of the policy test assets (copied next to the test assembly).</summary>
internal static class PolicyAssets
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "assets", "policy");

    public static string Path_(string relative) => Path.Combine(Dir, relative);

    public static string Read(string relative) => File.ReadAllText(Path_(relative));

    /// <summary>Loads a policy asset that must have no errors (warnings are allowed; tests that care assert them).</summary>
    public static PolicyDocument Load(string relative)
    {
        var result = PolicyLoader.Load(Read(relative), relative);
        return result.Policy ?? throw new InvalidOperationException(
            string.Join("\n", result.Problems.Select(p => p.Format(relative))));
    }
}
