using Hoop.Gateway.Upstream;

namespace Hoop.Gateway.Tests.Upstream;

public sealed class AcceptHeaderTests
{
    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/vnd.kubernetes.protobuf,application/json", "application/json")]
    [InlineData("application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io,application/json", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")]
    [InlineData("application/cbor", "application/json")]
    [InlineData("application/yaml", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*, */*", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("APPLICATION/JSON", "application/json")]
    [InlineData("application/json;stream=watch", "application/json;stream=watch")]
    [InlineData("application/com.github.proto-openapi.spec.v2@v1.0+protobuf", "application/json")]
    public void RestrictToJson_AcceptHeader_KeepsOnlyJson(string accept, string expected)
    {
        var result = AcceptHeader.RestrictToJson(accept);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void RestrictToJson_SeveralHeaderValues_AreJoinedInOrder()
    {
        var result = AcceptHeader.RestrictToJson(new(["application/vnd.kubernetes.protobuf", "application/json;as=Table;v=v1;g=meta.k8s.io", "application/json"]));

        Assert.Equal("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", result);
    }
}
