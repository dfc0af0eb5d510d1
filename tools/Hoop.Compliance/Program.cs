using Hoop.Compliance;

// hoop-compliance render MAP OUT      writes the Markdown rendering of the control map
// hoop-compliance check MAP TRXDIR    exit 1 when a control names no test or a named test did not pass in that run
if (args is ["render", var map, var output])
{
    await File.WriteAllTextAsync(output, ControlMapRenderer.Render(ControlMap.Load(map)));
    return 0;
}

if (args is ["check", var mapPath, var trxDirectory])
{
    var controlMap = ControlMap.Load(mapPath);
    var results = TrxResults.Load(trxDirectory);
    var problems = ControlMapCheck.Problems(controlMap, results);
    foreach (var problem in problems)
    {
        Console.WriteLine("control map: " + problem);
    }

    var tests = controlMap.Controls.Sum(c => c.Tests.Count);
    Console.WriteLine(problems.Count == 0
        ? $"control map: {controlMap.Controls.Count} controls, {tests} named tests, every one passed in this run"
        : $"control map: {problems.Count} problem(s)");
    return problems.Count == 0 ? 0 : 1;
}

await Console.Error.WriteLineAsync("usage: Hoop.Compliance render MAP OUT | check MAP TRXDIR");
return 2;
