using System.CommandLine;
using Hoop.Cli.Serve;

namespace Hoop.Cli.Commands;

/// <summary><c>hoop dev token --user USER [--state-dir DIR]</c>: a dev-issuer token for a demo user (for curl and scripts).</summary>
internal static class DevCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Demo user: alice, bob or carol", Required = true };
        var stateDir = CommonOptions.StateDir();
        var token = new Command("token", "Print a token of the demo's dev identity provider") { user, stateDir };
        token.SetAction(async (result, cancellationToken) =>
        {
            var local = await LocalGateway.LoadAsync(result.GetValue(stateDir)!, cancellationToken);
            await Console.Out.WriteLineAsync(await local.DevTokenAsync(result.GetValue(user)!, cancellationToken));
            return CliApp.Ok;
        });
        return new Command("dev", "Helpers for the local demo") { token };
    }
}
