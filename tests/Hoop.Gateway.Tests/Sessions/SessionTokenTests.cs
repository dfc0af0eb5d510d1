using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Sessions;

public sealed class SessionTokenTests
{
    [Fact]
    public void Create_NewToken_HasPrefixLengthAndParsesToItsSession()
    {
        var id = SessionToken.NewSessionId();

        var token = SessionToken.Create(id);

        Assert.StartsWith("hoopst_", token, StringComparison.Ordinal);
        Assert.Equal(SessionToken.Length, token.Length);
        Assert.True(SessionToken.TryParse(token, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void Create_TwoTokens_Differ()
    {
        var id = SessionToken.NewSessionId();

        Assert.NotEqual(SessionToken.Create(id), SessionToken.Create(id));
    }

    [Fact]
    public void TryParse_EveryCharacterChanged_FailsTheChecksumOrShape()
    {
        var token = SessionToken.Create(SessionToken.NewSessionId());

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'a' ? 'b' : 'a') + token[(i + 1)..];
            Assert.False(SessionToken.TryParse(changed, out _), $"a change at {i} went unnoticed");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hoopst_")]
    [InlineData("Bearer hoopst_x")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.x")]
    public void TryParse_Malformed_Fails(string? token)
    {
        Assert.False(SessionToken.TryParse(token, out _));
    }

    [Fact]
    public void TryParse_TruncatedOrExtended_Fails()
    {
        var token = SessionToken.Create(SessionToken.NewSessionId());

        Assert.False(SessionToken.TryParse(token[..^1], out _));
        Assert.False(SessionToken.TryParse(token + "A", out _));
        Assert.False(SessionToken.TryParse(token.ToUpperInvariant(), out _));
    }

    [Fact]
    public void HashToken_SameKey_IsStableAndNotTheToken()
    {
        var keys = SessionKeys.FromSecret(SessionKeys.NewSecret());
        var token = SessionToken.Create(SessionToken.NewSessionId());

        var hash = keys.HashToken(token);

        Assert.Equal(hash, keys.HashToken(token));
        Assert.DoesNotContain(token[7..], hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, SessionKeys.FromSecret(SessionKeys.NewSecret()).HashToken(token));
    }
}
