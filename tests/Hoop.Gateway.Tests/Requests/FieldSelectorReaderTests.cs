using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Requests;

public sealed class FieldSelectorReaderTests
{
    public static TheoryData<string> ApimachineryCases => SelectorParseTable.Ids("field");

    [Theory]
    [MemberData(nameof(ApimachineryCases))]
    public void TryGetExactMatch_ApimachineryTableRow_ParsesLikeFieldsParseSelector(string id)
    {
        var row = SelectorParseTable.Row(id);

        Assert.Equal((bool)row["valid"]!, FieldSelectorReader.TryGetExactMatch((string)row["selector"]!, "x", out _));
    }

    [Theory]
    [InlineData("metadata.name=web", "web")]
    [InlineData("metadata.name==web", "web")]
    [InlineData("metadata.name=", "")]
    [InlineData("status.phase=Running,metadata.name=web", "web")]
    [InlineData(",metadata.name=web,", "web")]
    [InlineData("metadata.name=b,metadata.name=a", "a")]
    [InlineData("metadata.name==b,metadata.name=a", "b")]
    [InlineData("metadata.name=a\\,b", "a,b")]
    [InlineData("metadata.name=a\\\\", "a\\")]
    public void TryGetExactMatch_HasTermOnField_ReturnsItsValue(string selector, string expected)
    {
        Assert.True(FieldSelectorReader.TryGetExactMatch(selector, "metadata.name", out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("metadata.name!=web")]
    [InlineData("metadata.namespace=default")]
    [InlineData("=")]
    public void TryGetExactMatch_NoHasTermOnField_ReturnsNull(string selector)
    {
        Assert.True(FieldSelectorReader.TryGetExactMatch(selector, "metadata.name", out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("metadata.name=web,foo")]
    [InlineData("metadata.name=a=b")]
    [InlineData("metadata.name=a\\x")]
    [InlineData("metadata.name=a\\")]
    public void TryGetExactMatch_InvalidSelector_Fails(string selector)
    {
        Assert.False(FieldSelectorReader.TryGetExactMatch(selector, "metadata.name", out _));
    }
}
