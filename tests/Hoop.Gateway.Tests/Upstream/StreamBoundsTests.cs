using Hoop.Gateway.Requests;
using Hoop.Gateway.Upstream;

namespace Hoop.Gateway.Tests.Upstream;

public sealed class StreamBoundsTests
{
    [Theory]
    [InlineData("watch=1", "watch=1&timeoutSeconds=210")]
    [InlineData("", "timeoutSeconds=210")]
    [InlineData("watch=1&timeoutSeconds=30", "watch=1&timeoutSeconds=30")]
    [InlineData("watch=1&timeoutSeconds=210", "watch=1&timeoutSeconds=210")]
    [InlineData("watch=1&timeoutSeconds=211&resourceVersion=5", "watch=1&timeoutSeconds=210&resourceVersion=5")]
    [InlineData("timeoutSeconds=0&watch=true", "timeoutSeconds=210&watch=true")]
    [InlineData("timeoutSeconds=-5&watch=true", "timeoutSeconds=210&watch=true")]
    [InlineData("timeoutSeconds=abc&watch=true", "timeoutSeconds=210&watch=true")]
    [InlineData("labelSelector=a%3Db&watch=1&timeoutSeconds=99999", "labelSelector=a%3Db&watch=1&timeoutSeconds=210")]
    public void CapWatchTimeout_Query_IsBounded(string rawQuery, string expected)
    {
        var result = StreamBounds.CapWatchTimeout(rawQuery, QueryParameters.Parse(rawQuery), 210);

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("follow=true", true)]
    [InlineData("follow=1", true)]
    [InlineData("follow=false", false)]
    [InlineData("", false)]
    public void IsFollowedLog_PodLog_FollowsGoBool(string rawQuery, bool expected)
    {
        var info = new RequestInfo { IsResourceRequest = true, Verb = "get", Resource = "pods", Subresource = "log", Name = "p" };

        Assert.Equal(expected, StreamBounds.IsFollowedLog(info, QueryParameters.Parse(rawQuery)));
    }
}
