using System.CommandLine;
using Hoop.Cli.Commands;

namespace Hoop.Cli;

/// <summary>The <c>hoop</c> command tree (DESIGN.md §8). One file per command under <c>Commands/</c>.</summary>
internal static class CliApp
{
    /// <summary>Exit code: the command ran and found nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a check found problems (<c>policy check</c>, <c>audit verify</c>).</summary>
    public const int ProblemsFound = 1;

    /// <summary>Exit code: usage or runtime error.</summary>
    public const int Error = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("hoop: the Hoop Functions gateway for AI agents and Kubernetes")
        {
            ServeCommand.Create(),
            ExplainCommand.Create(),
            MaskCommand.Create(),
            SessionCommand.Create(),
            DevCommand.Create(),
            AuditCommand.Create(),
            ReplayCommand.Create(),
            PolicyCommand.Create(),
            ApprovalsCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"hoop: {error.Message}");
            }

            return Error;
        }

        try
        {
            // The default handler would print CliException with a stack trace and exit 1; ours maps it to exit 2.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"hoop: {ex.Message}");
            return Error;
        }
    }
}
