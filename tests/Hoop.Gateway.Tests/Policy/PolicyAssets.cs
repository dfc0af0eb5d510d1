namespace Hoop.Gateway.Tests.Policy;

/// <summary>Paths of the policy test assets (copied next to the test assembly).</summary>
internal static class PolicyAssets
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "assets", "policy");

    public static string Path_(string relative) => Path.Combine(Dir, relative);

    public static string Read(string relative) => File.ReadAllText(Path_(relative));
}
