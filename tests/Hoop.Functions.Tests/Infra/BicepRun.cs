namespace Hoop.Functions.Tests.Infra;

/// <summary>One bicep CLI invocation and what it printed.</summary>
/// <param name="Command">The arguments, for messages.</param>
/// <param name="ExitCode">0 when bicep found no error.</param>
/// <param name="StandardOutput">What bicep wrote to stdout.</param>
/// <param name="StandardError">Diagnostics (warnings and errors), one per line.</param>
internal sealed record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every diagnostic line bicep printed (warnings, errors, infos).</summary>
    public IReadOnlyList<string> Diagnostics =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
