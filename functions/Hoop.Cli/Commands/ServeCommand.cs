using System.CommandLine;
using Hoop.Cli.Serve;

namespace Hoop.Cli.Commands;

/// <summary><c>hoop serve [--demo] [--policy FILE] [--port N] [--state-dir DIR] [--storage CONNECTION]</c>.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Run against the simulated cluster with the built-in demo users" };
        var policy = new Option<string?>("--policy") { Description = "Policy file (YAML); the built-in default policy when omitted" };
        var port = new Option<int>("--port") { Description = "HTTPS port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8443 };
        var stateDir = CommonOptions.StateDir();
        var storage = new Option<string?>("--storage") { Description = "Table Storage connection string for the journal (default: an Azurite started under the state dir)" };
        var command = new Command("serve", "Run the gateway locally") { demo, policy, port, stateDir, storage };
        command.SetAction((result, cancellationToken) => ServeHost.RunAsync(
            new ServeSettings
            {
                Demo = result.GetValue(demo),
                PolicyFile = result.GetValue(policy),
                Port = result.GetValue(port),
                StateDir = result.GetValue(stateDir)!,
                Storage = result.GetValue(storage),
            },
            cancellationToken));
        return command;
    }
}
