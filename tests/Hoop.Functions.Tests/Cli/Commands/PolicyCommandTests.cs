using Hoop.Cli;
using Hoop.Cli.Commands;
using Hoop.Gateway.Policy;

namespace Hoop.Functions.Tests.Cli.Commands;

public sealed class PolicyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hoop-cli-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Check_DefaultPolicy_IsOkAndExitsZero()
    {
        var file = Path.Combine(_dir, "default.yaml");
        await File.WriteAllTextAsync(file, DefaultPolicy.Text);
        using var output = new StringWriter();

        var exit = await PolicyCommand.CheckAsync(new FileInfo(file), warningsOk: false, output);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal($"{new FileInfo(file)}: ok{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public async Task Check_Errors_PrintsEachWithLineAndExitsOne()
    {
        var file = new FileInfo(Asset("errors.yaml"));
        using var output = new StringWriter();

        var exit = await PolicyCommand.CheckAsync(file, warningsOk: true, output);

        Assert.Equal(CliApp.ProblemsFound, exit);
        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{file}:6:3: error: missing required field(s) [\"maxSession\"]", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:9:5: error: unknown field 'maxSesion' (did you mean 'maxSession'?)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:12:17: error: 'GET' is not one of", lines[2], StringComparison.Ordinal);
        Assert.Equal($"{file}: 3 error(s), 0 warning(s)", lines[3]);
    }

    [Theory]
    [InlineData(false, CliApp.ProblemsFound)]
    [InlineData(true, CliApp.Ok)]
    public async Task Check_WarningsOnly_ExitDependsOnWarningsOk(bool warningsOk, int expected)
    {
        var file = new FileInfo(Asset("warnings-only.yaml"));
        using var output = new StringWriter();

        var exit = await PolicyCommand.CheckAsync(file, warningsOk, output);

        Assert.Equal(expected, exit);
        Assert.Contains($"{file}:11:9: warning: allow rule 'read' also allows pods/exec (get)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PolicyCheckMissingFile_ExitsTwo()
    {
        var exit = await CliApp.RunAsync(["policy", "check", Path.Combine(_dir, "missing.yaml")]);

        Assert.Equal(CliApp.Error, exit);
    }

    [Fact]
    public async Task Run_PolicyCheckWithErrors_ExitsOne()
    {
        var exit = await CliApp.RunAsync(["policy", "check", Asset("errors.yaml")]);

        Assert.Equal(CliApp.ProblemsFound, exit);
    }

    private static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "assets", "policy", name);
}
