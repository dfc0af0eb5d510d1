using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>The test data files under <c>assets/TestCluster/</c>.</summary>
internal static class TestClusterAssets
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "assets", "TestCluster", name);

    /// <summary>The cases of a JSON array file, keyed by their <c>name</c> (or their index when unnamed).</summary>
    public static IReadOnlyDictionary<string, JsonObject> Cases(string name)
    {
        var cases = JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsArray();
        return cases.Select((c, i) => (Key: c!["name"]?.GetValue<string>() ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture), Case: c.AsObject()))
            .ToDictionary(p => p.Key, p => p.Case);
    }

    public static TheoryData<string> CaseNames(string name) => [.. Cases(name).Keys];
}
