using System.Text.Json.Nodes;
using Hoop.TestCluster.Patching;

namespace Hoop.Gateway.Tests.TestCluster.Patching;

/// <summary>JSON patch against the examples of RFC 6902, Appendix A (assets/TestCluster/json-patch-rfc6902.json).</summary>
public sealed class JsonPatchTests
{
    private const string File = "json-patch-rfc6902.json";

    public static TheoryData<string> Cases => TestClusterAssets.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Rfc6902Example_GivesTheRfcResultOrFails(string name)
    {
        var example = TestClusterAssets.Cases(File)[name];
        var document = example["doc"]!.DeepClone();
        var operations = example["patch"]!.AsArray();

        if (example["error"] is not null)
        {
            Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(document, operations));
            return;
        }

        var result = JsonPatch.Apply(document, operations);
        Assert.True(JsonNode.DeepEquals(example["result"], result), $"got {result?.ToJsonString() ?? "null"}");
    }
}
