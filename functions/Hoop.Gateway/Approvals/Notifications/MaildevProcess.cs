using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// MailDev, an SMTP sink with a web inbox and a REST API (<c>GET /api/email</c>), as a child process for
/// <c>hoop serve --demo</c> and the tests: the npm package pinned in the repository's package.json (installed with
/// <c>npm ci</c> on first use), SMTP and web on free loopback ports, mail kept in a folder.
/// </summary>
public sealed class MaildevProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private MaildevProcess(Process process, int smtpPort, int webPort, StringBuilder output)
    {
        _process = process;
        _output = output;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    /// <summary>The SMTP port on 127.0.0.1.</summary>
    public int SmtpPort { get; }

    /// <summary>The web inbox and REST API port on 127.0.0.1.</summary>
    public int WebPort { get; }

    /// <summary>Where a person reads the mail (the REST API is under <c>/api/</c>).</summary>
    public Uri WebUrl => new($"http://127.0.0.1:{WebPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts MailDev with its mail in <paramref name="mailDirectory"/> and waits until both ports accept connections.</summary>
    public static async Task<MaildevProcess> StartAsync(string mailDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(mailDirectory);
        var main = await EnsureInstalledAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (smtp, web) = (FreePort(), FreePort());
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                main, "--smtp", smtp.ToString(CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
                "--web", web.ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1", "--mail-directory", mailDirectory,
            })
            {
                info.ArgumentList.Add(argument);
            }

            var output = new StringBuilder();
            var process = Process.Start(info) ?? throw new InvalidOperationException("node could not be started");
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var maildev = new MaildevProcess(process, smtp, web, output);
            if (await maildev.WaitUntilListeningAsync(TimeSpan.FromSeconds(30), cancellationToken))
            {
                return maildev;
            }

            await maildev.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"MailDev did not start: {output}");
            }
        }
    }

    /// <summary>The path of MailDev's command, running <c>npm ci</c> in the repository first when it is not installed.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        var main = Path.Combine(root, "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (File.Exists(main))
        {
            return main;
        }

        var info = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            info.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm could not be started (Node.js is needed for MailDev)");
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        _ = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(main))
        {
            throw new InvalidOperationException($"'npm ci' in {root} did not install MailDev: {await stderr}");
        }

        return main;
    }

    /// <summary>Stops MailDev (its mail is already on disk).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (await AcceptsAsync(SmtpPort, cancellationToken) && await AcceptsAsync(WebPort, cancellationToken))
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
}
