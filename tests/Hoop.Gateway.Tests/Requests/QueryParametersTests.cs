using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Requests;

public sealed class QueryParametersTests
{
    [Fact]
    public void Parse_DuplicatedKey_GetReturnsFirstAndGetAllKeepsOrder()
    {
        var query = QueryParameters.Parse("watch=0&watch=1&watch=2");

        Assert.Equal("0", query.Get("watch"));
        Assert.Equal(["0", "1", "2"], query.GetAll("watch"));
    }

    [Theory]
    [InlineData("a=1;b=2&c=3")]
    [InlineData("c=3&a=1;b=2")]
    [InlineData("c=3&;")]
    [InlineData("c=3&watch=1;")]
    public void Parse_PairWithSemicolon_IsDroppedAndTheRestKept(string rawQuery)
    {
        var query = QueryParameters.Parse(rawQuery);

        Assert.Equal("3", query.Get("c"));
        Assert.Single(query.Pairs);
        Assert.True(query.HadDroppedPairs);
        Assert.Single(query.DroppedPairs);
        Assert.Null(query.Get("a"));
        Assert.Null(query.Get("watch"));
    }

    [Fact]
    public void Parse_EncodedSemicolon_IsKeptInTheValue()
    {
        var query = QueryParameters.Parse("a=1%3Bb=2");

        Assert.Equal("1;b=2", query.Get("a"));
        Assert.False(query.HadDroppedPairs);
    }

    [Theory]
    [InlineData("q=a+b", "a b")]
    [InlineData("q=a%2Bb", "a+b")]
    [InlineData("q=a%20b", "a b")]
    [InlineData("q=%E2%9C%93", "\u2713")]
    [InlineData("q=a=b=c", "a=b=c")]
    [InlineData("q=", "")]
    [InlineData("q", "")]
    [InlineData("q=%41%62", "Ab")]
    public void Parse_Value_DecodesLikeGoQueryUnescape(string rawQuery, string expected)
    {
        var query = QueryParameters.Parse(rawQuery);

        Assert.Equal(expected, query.Get("q"));
        Assert.True(query.Contains("q"));
    }

    [Fact]
    public void Parse_PlusInKey_IsSpace()
    {
        var query = QueryParameters.Parse("a+b=1");

        Assert.Equal("1", query.Get("a b"));
        Assert.Null(query.Get("a+b"));
    }

    [Theory]
    [InlineData("q=%zz&k=v")]
    [InlineData("q=%4&k=v")]
    [InlineData("q=%&k=v")]
    [InlineData("q%g1=1&k=v")]
    [InlineData("k=v&q=abc%")]
    public void Parse_InvalidEscape_DropsOnlyThatPair(string rawQuery)
    {
        var query = QueryParameters.Parse(rawQuery);

        Assert.Equal("v", query.Get("k"));
        Assert.Single(query.Pairs);
        Assert.True(query.HadDroppedPairs);
    }

    [Fact]
    public void Parse_EmptyPairsAndEmptyKey_FollowGo()
    {
        // Go skips empty pairs but keeps "=x" as the key "" with the value "x".
        var query = QueryParameters.Parse("&&=x&&a=1&");

        Assert.Equal(2, query.Pairs.Count);
        Assert.Equal("x", query.Get(""));
        Assert.Equal("1", query.Get("a"));
        Assert.False(query.HadDroppedPairs);
    }

    [Fact]
    public void Parse_KeysAreCaseSensitive()
    {
        var query = QueryParameters.Parse("Watch=1");

        Assert.Null(query.Get("watch"));
        Assert.False(query.Contains("watch"));
        Assert.Empty(query.GetAll("watch"));
    }

    [Fact]
    public void Parse_AtTheParameterLimit_KeepsEveryPair()
    {
        var rawQuery = string.Join('&', Enumerable.Range(0, QueryParameters.MaxParameters).Select(i => $"k{i}=v"));

        var query = QueryParameters.Parse(rawQuery);

        Assert.Equal(QueryParameters.MaxParameters, query.Pairs.Count);
        Assert.False(query.ExceededParameterLimit);
    }

    [Fact]
    public void Parse_OverTheParameterLimit_KeepsNothingLikeGo()
    {
        // Go counts '&' + 1 and, over 10 000, returns an error and an empty map: the apiserver sees no parameter.
        var rawQuery = "watch=1" + new string('&', QueryParameters.MaxParameters);

        var query = QueryParameters.Parse(rawQuery);

        Assert.True(query.ExceededParameterLimit);
        Assert.True(query.HadDroppedPairs);
        Assert.True(query.IsEmpty);
        Assert.Null(query.Get("watch"));
    }

    [Theory]
    [InlineData("q=%FF")]
    [InlineData("q=%C0%AF")]
    [InlineData("%ED%A0%80=1")]
    public void Parse_InvalidUtf8_IsFlagged(string rawQuery)
    {
        var query = QueryParameters.Parse(rawQuery);

        Assert.True(query.HasInvalidUtf8);
        Assert.Single(query.Pairs);
    }

    [Fact]
    public void Parse_Empty_HasNoPairs()
    {
        var query = QueryParameters.Parse("");

        Assert.True(query.IsEmpty);
        Assert.False(query.HadDroppedPairs);
        Assert.Same(QueryParameters.Empty, query);
    }
}
