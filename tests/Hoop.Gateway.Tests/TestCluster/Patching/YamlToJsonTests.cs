using System.Text.Json.Nodes;
using Hoop.TestCluster.Patching;

namespace Hoop.Gateway.Tests.TestCluster.Patching;

public sealed class YamlToJsonTests
{
    [Theory]
    [InlineData("a: 1", """{"a":1}""")]
    [InlineData("a: -12", """{"a":-12}""")]
    [InlineData("a: 1.5", """{"a":1.5}""")]
    [InlineData("a: \"1\"", """{"a":"1"}""")]
    [InlineData("a: true\nb: False", """{"a":true,"b":false}""")]
    [InlineData("a: ~\nb: null\nc:", """{"a":null,"b":null,"c":null}""")]
    [InlineData("a: yes", """{"a":"yes"}""")]
    [InlineData("a: [x, 'y', 3]", """{"a":["x","y",3]}""")]
    [InlineData("a: !!str 10", """{"a":"10"}""")]
    [InlineData("a: 0x1F", """{"a":31}""")]
    [InlineData("{\"a\": {\"b\": [1, \"2\"]}}", """{"a":{"b":[1,"2"]}}""")]
    public void Parse_Scalar_ResolvesAsYaml12Core(string yaml, string json)
    {
        var result = YamlToJson.Parse(yaml);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), result), $"got {result?.ToJsonString()}");
    }

    [Fact]
    public void ParseDocuments_Stream_SkipsEmptyDocuments()
    {
        var documents = YamlToJson.ParseDocuments("---\na: 1\n---\n---\nb: 2\n");

        Assert.Equal(["""{"a":1}""", """{"b":2}"""], documents.Select(d => d.ToJsonString()));
    }

    [Fact]
    public void Parse_DuplicateKey_Throws()
    {
        Assert.ThrowsAny<Exception>(() => YamlToJson.Parse("a: 1\na: 2\n"));
    }
}
