using System.Diagnostics;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>
/// Runs a real kubectl binary against one kubeconfig, with its own HOME (so its discovery cache and config never
/// touch the user's) and a timeout on every run.
/// </summary>
public sealed class KubectlRunner
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public KubectlRunner(string binary, string kubeconfig, string home)
    {
        Binary = binary;
        Kubeconfig = kubeconfig;
        Home = home;
    }

    /// <summary>The kubectl binary (<c>/usr/lib/google-cloud-sdk/bin/kubectl.1.33</c>).</summary>
    public string Binary { get; }

    public string Kubeconfig { get; }

    public string Home { get; }

    /// <summary>Runs kubectl to completion and returns its exit code and output.</summary>
    public Task<KubectlResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    /// <summary>Runs kubectl to completion; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<KubectlResult> RunAsync(IReadOnlyList<string> args, string? stdin, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var process = Process.Start(StartInfo(args)) ?? throw new InvalidOperationException($"could not start {Binary}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish in time");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (<c>get -w</c>, <c>logs -f</c>) whose output lines can be awaited.</summary>
    public KubectlProcess Start(params string[] args)
    {
        var startInfo = StartInfo(args);
        return new KubectlProcess(Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {Binary}"));
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> args)
    {
        var startInfo = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["KUBECONFIG"] = Kubeconfig;
        startInfo.Environment["HOME"] = Home;
        return startInfo;
    }
}
