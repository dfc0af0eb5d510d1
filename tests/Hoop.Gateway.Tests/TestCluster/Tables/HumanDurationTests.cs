using Hoop.TestCluster.Tables;

namespace Hoop.Gateway.Tests.TestCluster.Tables;

/// <summary>Ages as kubectl prints them (cases from k8s.io/apimachinery/pkg/util/duration's HumanDuration tests).</summary>
public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(1, "1s")]
    [InlineData(70, "70s")]
    [InlineData(190, "3m10s")]
    [InlineData(600, "10m")]
    [InlineData(179 * 60, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 5 * 60, "3h5m")]
    [InlineData(8 * 3600, "8h")]
    [InlineData(47 * 3600 + 59 * 60, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(8 * 24 * 3600 - 3600, "7d23h")]
    [InlineData(8 * 24 * 3600, "8d")]
    [InlineData(2 * 365 * 24 * 3600, "2y")]
    [InlineData((2 * 365 + 1) * 24 * 3600, "2y1d")]
    [InlineData(-1, "0s")]
    [InlineData(-5, "<invalid>")]
    public void Format_Seconds_PrintsLikeKubectl(long seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
