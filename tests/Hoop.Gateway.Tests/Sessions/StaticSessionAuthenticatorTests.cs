using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Hoop.Gateway.Tests.Sessions;

public sealed class StaticSessionAuthenticatorTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static StaticSessionAuthenticator Create(DateTimeOffset expires)
        => new([new("hoop_good", new Session("s1", "u", ["g"], "agent", "demo", expires))], Time);

    [Fact]
    public async Task Authenticate_KnownToken_ReturnsItsSession()
    {
        var result = await Create(Time.GetUtcNow().AddHours(1)).AuthenticateAsync("hoop_good", "demo");

        Assert.True(result.Succeeded);
        Assert.Equal("s1", result.Session.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hoop_bad")]
    [InlineData("hoop_goo")]
    public async Task Authenticate_UnknownOrMissingToken_Fails(string? token)
    {
        var result = await Create(Time.GetUtcNow().AddHours(1)).AuthenticateAsync(token, "demo");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Authenticate_ExpiredSession_Fails()
    {
        var result = await Create(Time.GetUtcNow().AddSeconds(-1)).AuthenticateAsync("hoop_good", "demo");

        Assert.False(result.Succeeded);
        Assert.Contains("ended", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_OtherConnection_Fails()
    {
        var result = await Create(Time.GetUtcNow().AddHours(1)).AuthenticateAsync("hoop_good", "prod");

        Assert.False(result.Succeeded);
    }
}
