using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Requests;

public sealed class GoStringsTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("500", 500L)]
    [InlineData("+7", 7L)]
    [InlineData("-7", -7L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParseInt64_ValidDecimal_ParsesLikeStrconv(string s, long expected)
    {
        Assert.True(GoStrings.TryParseInt64(s, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1_000")]
    [InlineData("0x10")]
    [InlineData("1.5")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("\u0661")]
    public void TryParseInt64_NotStrconvDecimal_Fails(string s)
    {
        Assert.False(GoStrings.TryParseInt64(s, out _));
    }

    [Theory]
    [InlineData("false", true)]
    [InlineData("FALSE", true)]
    [InlineData("FaLsE", true)]
    [InlineData("fal\u017Fe", true)]
    [InlineData("fals", false)]
    [InlineData("falsey", false)]
    [InlineData("f", false)]
    [InlineData("", false)]
    public void EqualFold_False_FollowsGoSimpleFolding(string s, bool expected)
    {
        Assert.Equal(expected, GoStrings.EqualFold(s, "false"));
    }

    [Fact]
    public void EqualFold_KelvinSign_FoldsToK()
    {
        Assert.True(GoStrings.EqualFold("\u212Aey", "key"));
    }

    [Theory]
    [InlineData("FALSE", "false", true)]
    [InlineData("fal\u017Fe", "false", false)]
    [InlineData("\u0130n", "in", true)]
    [InlineData("\u212Aey", "key", true)]
    [InlineData("0", "0", true)]
    public void ToLowerEquals_FollowsGoUnicodeToLower(string s, string lower, bool expected)
    {
        Assert.Equal(expected, GoStrings.ToLowerEquals(s, lower));
    }

    [Fact]
    public void CompareByteOrder_SupplementaryCharacter_SortsAfterBmpPrivateUse()
    {
        // UTF-8 byte order: U+1F600 (F0 9F 98 80) sorts after U+E000 (EE 80 80); UTF-16 ordinal order says the opposite.
        Assert.True(GoStrings.CompareByteOrder("\U0001F600", "\uE000") > 0);
        Assert.True(string.CompareOrdinal("\U0001F600", "\uE000") < 0);
        Assert.True(GoStrings.CompareByteOrder("a", "b") < 0);
        Assert.True(GoStrings.CompareByteOrder("ab", "a") > 0);
        Assert.Equal(0, GoStrings.CompareByteOrder("x", "x"));
    }
}
