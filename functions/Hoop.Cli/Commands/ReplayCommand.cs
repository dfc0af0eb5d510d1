using System.CommandLine;
using Hoop.Gateway.Recording;

namespace Hoop.Cli.Commands;

/// <summary><c>hoop replay SESSION [--bodies]</c>: the session as a timeline, recorded values neutralised for the terminal.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var session = new Argument<string>("session") { Description = "The session id" };
        var bodies = new Option<bool>("--bodies") { Description = "Also print the recorded (masked) bodies" };
        var (storage, account, stateDir) = JournalAccess.Options();
        var command = new Command("replay", "Print a session as a timeline from the audit journal") { session, bodies, storage, account, stateDir };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var access = await JournalAccess.OpenAsync(result.GetValue(storage), result.GetValue(account), result.GetValue(stateDir)!, cancellationToken);
            var id = result.GetValue(session)!;
            var rows = await new SessionReplay(access.Reader).WriteTextAsync(id, Console.Out, result.GetValue(bodies), cancellationToken);
            if (rows == 0)
            {
                throw new CliException($"session {TerminalText.Neutralize(id)} has no records in the journal");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
