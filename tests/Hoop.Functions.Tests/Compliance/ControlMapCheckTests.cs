using Hoop.Compliance;

namespace Hoop.Functions.Tests.Compliance;

public sealed class ControlMapCheckTests
{
    private static readonly string Assets = Path.Combine(AppContext.BaseDirectory, "assets", "compliance");

    [Fact]
    public void Problems_SampleRun_NamesExactlyTheControlsThatFail()
    {
        var map = ControlMap.Load(Path.Combine(Assets, "controls.yaml"));

        var problems = ControlMapCheck.Problems(map, TrxResults.Load(Assets));

        Assert.Equal(
            [
                "XX-2: test Sample.Tests.TheoryTests.Case_OneFails_Fails did not pass (Passed, Failed)",
                "XX-3: test Sample.Tests.PassingTests.Missing_NeverRan_Absent did not run in this run",
                "XX-3: test Sample.Tests.PassingTests.Skipped_Always_NotExecuted did not pass (NotExecuted)",
                "XX-4: status 'done' is not met, partial or planned",
                "XX-4: no test named",
                "XX-4: SP 800-171 requirement 9.9.3 is not listed under requirements",
                "SP 800-171 9.9.4: no control carries it",
            ],
            problems);
    }

    [Fact]
    public void Problems_NoTrxFiles_FailsTheCheck()
    {
        var map = ControlMap.Load(Path.Combine(Assets, "controls.yaml"));

        var problems = ControlMapCheck.Problems(map, TrxResults.Load(Path.Combine(Assets, "no-such-folder")));

        Assert.Contains("no TRX results found: the control map can only be checked after the tests ran", problems);
    }

    [Fact]
    public void Load_RepositoryMap_ListsTheControlsTheIssueAsksFor()
    {
        var map = ControlMap.Load(Path.Combine(Wiring.RepositoryPaths.Root, "docs", "compliance", "controls.yaml"));

        string[] required = ["AC-2", "AC-3", "AC-4", "AC-6", "AC-6(9)", "AC-12", "AU-2", "AU-3", "AU-6", "AU-8", "AU-9", "AU-10", "AU-11", "AU-12", "CM-5", "IA-2", "IA-5", "SC-8", "SC-12", "SC-28"];
        Assert.Empty(required.Except(map.Controls.Select(c => c.Id)));
        Assert.All(map.Controls, c => Assert.NotEmpty(c.Tests));
        Assert.All(map.Controls.SelectMany(c => c.Tests), t => Assert.Matches(@"^[A-Za-z_][A-Za-z0-9_.]*\.[A-Za-z_][A-Za-z0-9_]*$", t));
    }
}
