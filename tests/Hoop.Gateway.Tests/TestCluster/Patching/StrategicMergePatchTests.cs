using System.Text.Json.Nodes;
using Hoop.TestCluster.Patching;

namespace Hoop.Gateway.Tests.TestCluster.Patching;

/// <summary>Strategic merge patch: merge keys and the directives kubectl writes (assets/TestCluster/strategic-merge-patch.json).</summary>
public sealed class StrategicMergePatchTests
{
    private const string File = "strategic-merge-patch.json";

    public static TheoryData<string> Cases => TestClusterAssets.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Case_GivesTheExpectedObject(string name)
    {
        var example = TestClusterAssets.Cases(File)[name];

        var result = StrategicMergePatch.Apply(example["target"]!.DeepClone(), example["patch"]);

        Assert.True(JsonNode.DeepEquals(example["result"], result), $"got {result?.ToJsonString() ?? "null"}");
    }
}
