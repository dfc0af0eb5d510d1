using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Tests.Policy;

public class DefaultPolicyTests
{
    [Fact]
    public void DefaultPolicy_Check_HasNoProblems()
    {
        var result = PolicyLoader.Load(DefaultPolicy.Text, DefaultPolicy.SourceName);

        Assert.Equal([], result.Problems.Select(p => p.Format(DefaultPolicy.SourceName)));
        Assert.NotNull(result.Policy);
    }
}
