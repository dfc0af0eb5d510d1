using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Hoop.Tests.Shared;

/// <summary>
/// Runs the REAL kubectl of this machine. <c>/usr/bin/kubectl</c> is a dispatcher that picks its client from the server's
/// <c>/version</c>; the versioned binaries beside it are called directly when a test needs one version.
/// </summary>
internal sealed class Kubectl(string binary, string kubeconfig)
{
    public const string OldestVersion = "1.27";
    public const string NewestVersion = "1.33";

    private static readonly string SdkBin = "/usr/lib/google-cloud-sdk/bin";

    public string Binary { get; } = binary;

    /// <summary>The kubectl binary of <paramref name="minor"/> (e.g. "1.27"), or the dispatcher when it is not installed.</summary>
    public static string BinaryFor(string minor)
    {
        var path = Path.Combine(SdkBin, "kubectl." + minor);
        return File.Exists(path) ? path : "kubectl";
    }

    /// <summary>Runs kubectl to completion (bounded) and returns its exit code and output.</summary>
    public async Task<KubectlResult> RunAsync(params string[] args) => await RunAsync(TimeSpan.FromSeconds(60), args);

    public async Task<KubectlResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (watch, logs -f) whose stdout lines arrive on a channel as they are printed.</summary>
    public KubectlStream Stream(params string[] args) => new(Start(args));

    private Process Start(string[] args)
    {
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["KUBECACHEDIR"] = Path.Combine(Path.GetTempPath(), "hoop-kubecache-" + Guid.NewGuid().ToString("N"));
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }
}

/// <summary>The outcome of one kubectl run.</summary>
internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>A running kubectl whose output lines are read as they arrive.</summary>
internal sealed class KubectlStream : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();

    public KubectlStream(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Reads lines until one satisfies <paramref name="predicate"/>; null when the stream ends or time runs out.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cts.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (predicate(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    /// <summary>Waits for the process to end by itself.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
