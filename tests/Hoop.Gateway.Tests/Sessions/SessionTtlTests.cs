using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Sessions;

public sealed class SessionTtlTests
{
    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("90s", 90)]
    [InlineData("2h5m10s", 7510)]
    public void TryParse_GoDurations_Parse(string text, int seconds)
    {
        Assert.True(SessionTtl.TryParse(text, out var ttl));
        Assert.Equal(TimeSpan.FromSeconds(seconds), ttl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("1d")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("0m")]
    [InlineData("5m1h")]
    [InlineData("1h1h")]
    [InlineData("99999999h")]
    public void TryParse_Others_Fail(string text)
    {
        Assert.False(SessionTtl.TryParse(text, out _));
    }
}
