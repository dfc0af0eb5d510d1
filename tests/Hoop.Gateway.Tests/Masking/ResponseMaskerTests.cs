using System.IO.Pipelines;
using System.Text;
using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class ResponseMaskerTests
{
    private static readonly ResponseMasker Masker = new(MaskingOptions.Default);

    [Fact]
    public async Task Wrap_WatchStreamFrameByFrame_ServesEachFrameMaskedBeforeTheNextArrives()
    {
        var pipe = new Pipe();
        await using var stream = Masker.Wrap(pipe.Reader.AsStream(), MaskingHarness.Context("application/json;stream=watch", "secrets", "watch"));
        var buffer = new byte[4096];

        await pipe.Writer.WriteAsync("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"a\":\"aHVudGVyMg==\"}}}\n"u8.ToArray());
        var first = Encoding.UTF8.GetString(buffer, 0, await stream.ReadAsync(buffer));
        await pipe.Writer.WriteAsync("{\"type\":\"DELETED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"a\":\"aHVudGVyMw==\"}}}\n"u8.ToArray());
        var second = Encoding.UTF8.GetString(buffer, 0, await stream.ReadAsync(buffer));
        await pipe.Writer.CompleteAsync();

        Assert.Equal("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"a\":\"W21hc2tlZF0=\"}}}\n", first);
        Assert.Equal("{\"type\":\"DELETED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"a\":\"W21hc2tlZF0=\"}}}\n", second);
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task Wrap_MaskerFault_ReadThrowsAndNothingHeldIsReleased()
    {
        var body = new MemoryStream("{\"kind\":\"Secret\",\"data\":{\"password\":hunter2}}"u8.ToArray());
        await using var stream = Masker.Wrap(body, MaskingHarness.Context("application/json", "secrets"));

        var error = await Assert.ThrowsAsync<IOException>(() => new StreamReader(stream).ReadToEndAsync());

        Assert.IsType<MaskingException>(error.InnerException);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/vnd.kubernetes.protobuf")]
    [InlineData("application/cbor")]
    [InlineData("text/html")]
    public async Task Wrap_RefusedType_NeverPassesABodyByte(string contentType)
    {
        await using var stream = Masker.Wrap(new MemoryStream("k8s\0password"u8.ToArray()), MaskingHarness.Context(contentType, "secrets"));

        await Assert.ThrowsAsync<IOException>(() => stream.ReadAsync(new byte[64]).AsTask());
    }

    [Fact]
    public void MaskHeader_WarningQuotingACredential_IsMasked()
    {
        var warning = "299 - \"annotation token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N is deprecated\"";

        var masked = Masker.MaskHeader(warning, MaskingHarness.Context("application/json"));

        Assert.Equal("299 - \"annotation token [masked] is deprecated\"", masked);
        Assert.Equal("299 - \"unknown field \\\"spec.replicas\\\"\"", Masker.MaskHeader("299 - \"unknown field \\\"spec.replicas\\\"\"", MaskingHarness.Context("application/json")));
    }

    [Theory]
    [InlineData("application/json", "{\"kind\":\"Secret\",\"stringData\":{\"password\":\"hunter2\"}}", "{\"kind\":\"Secret\",\"stringData\":{\"password\":\"[masked]\"}}")]
    [InlineData("application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/data/password\",\"value\":\"aHVudGVyMg==\"}]", "[{\"op\":\"replace\",\"path\":\"/data/password\",\"value\":\"aHVudGVyMg==\"}]")]
    [InlineData("application/yaml", "kind: Secret\nstringData:\n  password: hunter2\n", "kind: Secret\nstringData:\n  password: [masked]\n")]
    [InlineData("application/json", "{not json password=hunter2", "{not json password=[masked]")]
    [InlineData("application/vnd.kubernetes.protobuf", "k8s\0hunter2", "[masked]")]
    public void MaskBody_RequestBody_MaskedAsAResponseWouldBe(string contentType, string body, string expected)
    {
        var masked = Masker.MaskBody(Encoding.UTF8.GetBytes(body), contentType, MaskingHarness.Context(contentType, "secrets"));

        Assert.Equal(expected, Encoding.UTF8.GetString(masked.Span));
    }
}
