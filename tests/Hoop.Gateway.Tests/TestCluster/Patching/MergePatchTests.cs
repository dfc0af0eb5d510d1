using System.Text.Json.Nodes;
using Hoop.TestCluster.Patching;

namespace Hoop.Gateway.Tests.TestCluster.Patching;

/// <summary>JSON merge patch against the examples of RFC 7386, Appendix A (assets/TestCluster/merge-patch-rfc7386.json).</summary>
public sealed class MergePatchTests
{
    private const string File = "merge-patch-rfc7386.json";

    public static TheoryData<string> Cases => TestClusterAssets.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Rfc7386Example_GivesTheRfcResult(string name)
    {
        var example = TestClusterAssets.Cases(File)[name];

        var result = MergePatch.Apply(example["target"]?.DeepClone(), example["patch"]);

        Assert.True(JsonNode.DeepEquals(example["result"], result), $"got {result?.ToJsonString() ?? "null"}");
    }
}
