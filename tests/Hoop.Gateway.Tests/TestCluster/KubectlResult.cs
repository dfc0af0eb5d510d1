namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>What one kubectl run printed and how it ended.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Returns this result, or throws with kubectl's output when it failed.</summary>
    public KubectlResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"kubectl exited with {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
}
