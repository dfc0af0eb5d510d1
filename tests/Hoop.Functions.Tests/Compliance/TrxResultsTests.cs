using Hoop.Compliance;

namespace Hoop.Functions.Tests.Compliance;

public sealed class TrxResultsTests
{
    private static readonly TrxResults Results = TrxResults.Load(Path.Combine(AppContext.BaseDirectory, "assets", "compliance"));

    [Theory]
    [InlineData("Sample.Tests.PassingTests.Passes_Always_Passes", true)]
    [InlineData("Sample.Tests.TheoryTests.Case_Each_Passes", true)]
    [InlineData("Sample.Tests.TheoryTests.Case_OneFails_Fails", false)]
    [InlineData("Sample.Tests.PassingTests.Skipped_Always_NotExecuted", false)]
    [InlineData("Sample.Tests.PassingTests.Missing_NeverRan_Absent", false)]
    [InlineData("Sample.Tests.TheoryTests.Case_Each", false)]
    public void Passed_Method_IsTrueOnlyWhenEveryCaseRanAndPassed(string method, bool expected)
        => Assert.Equal(expected, Results.Passed(method));
}
