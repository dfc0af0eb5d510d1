using Hoop.TestCluster.Api;
using Hoop.TestCluster.Selectors;

namespace Hoop.Gateway.Tests.TestCluster.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "frontend" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app=web,tier=frontend", true)]
    [InlineData("app=web,tier=backend", false)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app notin (db,web)", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("app in (web),!missing,tier=frontend", true)]
    public void Matches_Selector_FollowsKubernetesSemantics(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Fact]
    public void Parse_Malformed_IsABadRequest()
    {
        var error = Assert.Throws<ApiException>(() => LabelSelector.Parse("app in web"));

        Assert.Equal(400, error.Status.Code);
    }
}
