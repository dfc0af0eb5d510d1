using System.CommandLine;
using Hoop.Gateway.Policy;

namespace Hoop.Cli.Commands;

/// <summary>
/// <c>hoop policy check FILE [--warnings-ok]</c>: prints every problem as <c>FILE:LINE:COL: error|warning: message [path]</c>,
/// then a summary. Exit 0 when clean, 1 when a problem was found (an error, or a warning unless <c>--warnings-ok</c>),
/// 2 when the file cannot be read. <c>hoop policy default</c> and <c>hoop policy schema</c> print the shipped default
/// policy and the JSON Schema, to start from and to point an editor at.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The policy YAML file to check" };
        var warningsOk = new Option<bool>("--warnings-ok")
        {
            Description = "Exit 0 when there are warnings but no errors (by default any problem exits 1)",
        };
        var check = new Command("check", "Check a policy file against the schema and the semantic checks") { file, warningsOk };
        check.SetAction((parse, cancellationToken) =>
            CheckAsync(parse.GetValue(file)!, parse.GetValue(warningsOk), Console.Out, cancellationToken));

        var defaults = new Command("default", "Print the default policy for AI agents (a starting point)");
        defaults.SetAction(async (_, cancellationToken) =>
        {
            await Console.Out.WriteAsync(DefaultPolicy.Text.AsMemory(), cancellationToken);
            return CliApp.Ok;
        });

        var schema = new Command("schema", "Print the policy's JSON Schema (Draft 2020-12)");
        schema.SetAction(async (_, cancellationToken) =>
        {
            await Console.Out.WriteLineAsync(PolicyLoader.SchemaText.AsMemory(), cancellationToken);
            return CliApp.Ok;
        });

        return new Command("policy", "Work with gateway policy files") { check, defaults, schema };
    }

    /// <summary>Checks <paramref name="file"/> and writes the report to <paramref name="output"/>; returns the exit code.</summary>
    public static async Task<int> CheckAsync(FileInfo file, bool warningsOk, TextWriter output, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file}: {ex.Message}");
        }

        var name = file.ToString();
        var result = PolicyLoader.Load(text, name);
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync(problem.Format(name).AsMemory(), cancellationToken);
        }

        var errors = result.Problems.Count(p => p.Severity == PolicyProblemSeverity.Error);
        var warnings = result.Problems.Count - errors;
        await output.WriteLineAsync(
            (errors + warnings == 0 ? $"{name}: ok" : $"{name}: {errors} error(s), {warnings} warning(s)").AsMemory(),
            cancellationToken);
        return errors > 0 || (warnings > 0 && !warningsOk) ? CliApp.ProblemsFound : CliApp.Ok;
    }
}
