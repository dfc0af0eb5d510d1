using Hoop.Gateway.Approvals;

namespace Hoop.Gateway.Tests.Approvals;

public sealed class ApprovalFingerprintTests
{
    private const string Target = "/apis/apps/v1/namespaces/default/deployments/web";
    private const string Patch = "application/strategic-merge-patch+json";

    [Fact]
    public void Compute_RolloutRestartAtDifferentTimes_SameFingerprint()
        => Assert.Equal(Fingerprint("PATCH", Target, Patch, "restart-1.json"), Fingerprint("PATCH", Target, Patch, "restart-2.json"));

    [Fact]
    public void Compute_OtherAnnotationBesideRestartedAt_DifferentFingerprint()
        => Assert.NotEqual(Fingerprint("PATCH", Target, Patch, "restart-1.json"), Fingerprint("PATCH", Target, Patch, "restart-other-annotation.json"));

    [Theory]
    [InlineData("PUT", Target, Patch)]
    [InlineData("PATCH", Target + "?fieldManager=x", Patch)]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/default/deployments/api", Patch)]
    [InlineData("PATCH", Target, "application/merge-patch+json")]
    public void Compute_MethodTargetOrContentTypeDiffers_DifferentFingerprint(string method, string target, string contentType)
        => Assert.NotEqual(Fingerprint("PATCH", Target, Patch, "restart-1.json"), Fingerprint(method, target, contentType, "restart-1.json"));

    [Fact]
    public void Compute_BodyDiffersByOneByte_DifferentFingerprint()
    {
        Assert.True(ApprovalFingerprint.TryCompute("PATCH", Target, Patch, """{"spec":{"replicas":3}}"""u8, out var three, out _));
        Assert.True(ApprovalFingerprint.TryCompute("PATCH", Target, Patch, """{"spec":{"replicas":4}}"""u8, out var four, out _));
        Assert.NotEqual(three, four);
    }

    [Theory]
    [InlineData("duplicate-key.json", "application/merge-patch+json", "has the key \"replicas\" twice")]
    [InlineData("anchors.yaml", "application/apply-patch+yaml", "YAML anchors or aliases")]
    public void Compute_AmbiguousBody_Refused(string file, string contentType, string reason)
    {
        var ok = ApprovalFingerprint.TryCompute("PATCH", Target, contentType, Read(file), out _, out var refusal);

        Assert.False(ok);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("same-key-in-two-objects.json", "application/json")]
    [InlineData("plain.yaml", "application/apply-patch+yaml")]
    public void Compute_UnambiguousBody_Accepted(string file, string contentType)
        => Assert.True(ApprovalFingerprint.TryCompute("PATCH", Target, contentType, Read(file), out _, out _));

    private static string Fingerprint(string method, string target, string contentType, string file)
    {
        Assert.True(ApprovalFingerprint.TryCompute(method, target, contentType, Read(file), out var fingerprint, out var refusal), refusal);
        return fingerprint;
    }

    private static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "assets", "Approvals", file));
}
