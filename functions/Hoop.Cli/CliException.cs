namespace Hoop.Cli;

/// <summary>A usage or runtime error the CLI reports on stderr with exit code 2 (no stack trace).</summary>
internal sealed class CliException(string message) : Exception(message);
