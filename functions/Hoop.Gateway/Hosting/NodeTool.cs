using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Hosting;

/// <summary>
/// The local tools the demo and the tests run from npm (Azurite, MailDev): installed with <c>npm ci</c> from the
/// repository's pinned package.json on first use, started with <c>node</c> on free loopback ports, their output kept
/// (bounded) for the error message when they do not come up.
/// </summary>
internal static class NodeTool
{
    /// <summary>The path of <paramref name="entryPoint"/> (relative to the repository root), running <c>npm ci</c> first when it is missing.</summary>
    public static async Task<string> EnsureInstalledAsync(string entryPoint, string tool, CancellationToken cancellationToken)
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        var main = Path.Combine(root, entryPoint);
        if (File.Exists(main))
        {
            return main;
        }

        var info = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            info.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(info) ?? throw new InvalidOperationException($"npm could not be started (Node.js is needed for {tool})");
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        _ = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(main))
        {
            throw new InvalidOperationException($"'npm ci' in {root} did not install {tool}: {await stderr}");
        }

        return main;
    }

    /// <summary>Starts <c>node</c> with <paramref name="arguments"/>, its stdout and stderr collected into <paramref name="output"/>.</summary>
    public static Process Start(IEnumerable<string> arguments, StringBuilder output)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node could not be started");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until every one of <paramref name="ports"/> accepts a connection; false when <paramref name="process"/> ends or the time runs out.</summary>
    public static async Task<bool> WaitUntilListeningAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken, params int[] ports)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            var all = true;
            foreach (var port in ports)
            {
                all &= await AcceptsAsync(port, cancellationToken);
            }

            if (all)
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 16 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }
}
