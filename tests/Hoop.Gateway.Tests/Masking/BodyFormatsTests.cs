using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class BodyFormatsTests
{
    [Theory]
    [InlineData("application/json", null, BodyFormat.Json)]
    [InlineData("application/json;stream=watch", null, BodyFormat.Json)]
    [InlineData("application/json;as=Table;v=v1;g=meta.k8s.io", null, BodyFormat.Json)]
    [InlineData("application/merge-patch+json", null, BodyFormat.Json)]
    [InlineData("text/plain; charset=utf-8", null, BodyFormat.Text)]
    [InlineData("application/yaml", null, BodyFormat.Text)]
    [InlineData("application/json", "identity", BodyFormat.Json)]
    [InlineData("application/json", "gzip", BodyFormat.Refused)]
    [InlineData("text/plain", "br", BodyFormat.Refused)]
    [InlineData("application/vnd.kubernetes.protobuf", null, BodyFormat.Refused)]
    [InlineData("application/vnd.kubernetes.protobuf;stream=watch", null, BodyFormat.Refused)]
    [InlineData("application/cbor", null, BodyFormat.Refused)]
    [InlineData("text/html; charset=utf-8", null, BodyFormat.Refused)]
    [InlineData("application/octet-stream", null, BodyFormat.Refused)]
    [InlineData("", null, BodyFormat.Refused)]
    [InlineData(null, null, BodyFormat.Refused)]
    public void Classify_ContentType_DecidesTheMasker(string? contentType, string? encoding, BodyFormat expected)
    {
        Assert.Equal(expected, BodyFormats.Classify(contentType, encoding));
    }
}
