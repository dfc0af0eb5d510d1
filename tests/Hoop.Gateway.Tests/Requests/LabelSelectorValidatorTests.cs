using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Requests;

public sealed class LabelSelectorValidatorTests
{
    public static TheoryData<string> ApimachineryCases => SelectorParseTable.Ids("label");

    [Theory]
    [MemberData(nameof(ApimachineryCases))]
    public void IsValid_ApimachineryTableRow_MatchesLabelsParse(string id)
    {
        var row = SelectorParseTable.Row(id);

        Assert.Equal((bool)row["valid"]!, LabelSelectorValidator.IsValid((string)row["selector"]!));
    }

    [Theory]
    [InlineData("app.kubernetes.io/name=web", true)]
    [InlineData("Example.com/name=web", false)]
    [InlineData("/name=web", false)]
    [InlineData("a/b/c=web", false)]
    [InlineData("-a=web", false)]
    [InlineData("a=-web", false)]
    [InlineData("a=web_1.x", true)]
    [InlineData("in in (in)", true)]
    [InlineData("a=\u00E9", false)]
    [InlineData("a>-1", false)]
    [InlineData("a>99999999999999999999", false)]
    [InlineData("a==b", true)]
    [InlineData("a=b \0garbage((", true)]
    [InlineData("a=b\0garbage((", false)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b", true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b", false)]
    public void IsValid_KeyValueAndLexerRules_FollowApimachinery(string selector, bool valid)
    {
        // The NUL rows: Go's lexer reads a 0 byte where a token starts as the end of input (the rest is ignored),
        // but a 0 byte inside an identifier only ends that identifier.
        Assert.Equal(valid, LabelSelectorValidator.IsValid(selector));
    }
}
