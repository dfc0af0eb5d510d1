namespace Hoop.Compliance;

/// <summary>
/// The test command's gate on the control map: every control names at least one test, every named test passed in
/// this run, every SP 800-171 id a control names is listed, and no control id appears twice.
/// </summary>
internal static class ControlMapCheck
{
    public static IReadOnlyList<string> Problems(ControlMap map, TrxResults results)
    {
        var problems = new List<string>();
        if (results.Files.Count == 0)
        {
            problems.Add("no TRX results found: the control map can only be checked after the tests ran");
        }

        foreach (var duplicate in map.Controls.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Key}: listed {duplicate.Count()} times");
        }

        var requirements = map.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var control in map.Controls)
        {
            if (control.Status is not ("met" or "partial" or "planned"))
            {
                problems.Add($"{control.Id}: status '{control.Status}' is not met, partial or planned");
            }

            if (control.Tests.Count == 0)
            {
                problems.Add($"{control.Id}: no test named");
            }

            foreach (var test in control.Tests)
            {
                if (!results.Passed(test))
                {
                    var outcomes = results.Outcomes(test);
                    problems.Add(outcomes.Count == 0
                        ? $"{control.Id}: test {test} did not run in this run"
                        : $"{control.Id}: test {test} did not pass ({string.Join(", ", outcomes.Distinct())})");
                }
            }

            foreach (var id in control.Sp800171.Where(id => !requirements.Contains(id)))
            {
                problems.Add($"{control.Id}: SP 800-171 requirement {id} is not listed under requirements");
            }
        }

        foreach (var requirement in map.Requirements.Where(r => !map.Controls.Any(c => c.Sp800171.Contains(r.Id))))
        {
            problems.Add($"SP 800-171 {requirement.Id}: no control carries it");
        }

        return problems;
    }
}
