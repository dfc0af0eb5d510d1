using System.CommandLine;

namespace Hoop.Cli.Commands;

/// <summary>Options shared by several commands, defined once so their names and defaults agree.</summary>
internal static class CommonOptions
{
    public const string DefaultStateDir = ".hoop";

    public static Option<string> StateDir() => new("--state-dir")
    {
        Description = "Folder of a local gateway's state (kubeconfig, certificate, secrets, storage)",
        DefaultValueFactory = _ => DefaultStateDir,
    };
}
