using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Pipeline;

public sealed class GatewayTargetTests
{
    [Theory]
    [InlineData("/k8s/demo/api/v1/pods", "demo")]
    [InlineData("/k8s/prod-aks/apis?x=1", "prod-aks")]
    [InlineData("/k8s/demo?watch=1", "demo")]
    [InlineData("/k8s/Demo/api", null)]
    [InlineData("/k8s/de%6Do/api", null)]
    [InlineData("/k8s//api", null)]
    [InlineData("/api/v1/pods", null)]
    public void ConnectionOf_RawTarget_ReadsTheConnectionSegment(string rawTarget, string? expected)
    {
        Assert.Equal(expected, GatewayTarget.ConnectionOf(rawTarget));
    }

    [Theory]
    [InlineData("/k8s/demo/api/v1/namespaces/default/pods?limit=500", "/api/v1/namespaces/default/pods", "limit=500")]
    [InlineData("/k8s/demo", "/", "")]
    [InlineData("/k8s/demo/api/v1/namespaces/default/configmaps/a%3Ab", "/api/v1/namespaces/default/configmaps/a%3Ab", "")]
    public void TryParse_NormalisedTarget_SplitsPrefixFromUpstreamTarget(string rawTarget, string upstreamRawPath, string rawQuery)
    {
        Assert.True(RequestTargetNormalizer.TryNormalize(rawTarget, out var normalized, out var error), error);

        Assert.True(GatewayTarget.TryParse(rawTarget, normalized, out var target));

        Assert.Equal("demo", target.Connection);
        Assert.Equal(upstreamRawPath, target.UpstreamRawPath);
        Assert.Equal(rawQuery, target.RawQuery);
    }
}
