using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>A kubectl that keeps running (a watch, a log follow): await its output lines, then dispose to kill it.</summary>
public sealed class KubectlProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _seen = new();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    internal KubectlProcess(Process process)
    {
        _process = process;
        _process.StandardInput.Close();
        _stdout = PumpAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Reads output lines until one matches; throws <see cref="TimeoutException"/> (with what was printed) otherwise.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeoutSource.Token);
                if (predicate(line))
                {
                    return line;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            var stderr = _process.HasExited ? await _stderr : "(still running)";
            throw new TimeoutException($"no matching line from kubectl in {timeout}; stdout so far:\n{Seen()}\nstderr:\n{stderr}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _stdout;
        _process.Dispose();
    }

    private string Seen()
    {
        lock (_seen)
        {
            return _seen.ToString();
        }
    }

    private async Task PumpAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_seen)
            {
                _seen.AppendLine(line);
            }

            await _lines.Writer.WriteAsync(line);
        }

        _lines.Writer.TryComplete();
    }
}
