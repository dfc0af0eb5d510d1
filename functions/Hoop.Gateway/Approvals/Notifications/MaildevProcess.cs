using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hoop.Gateway.Hosting;

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
            var (smtp, web) = (NodeTool.FreePort(), NodeTool.FreePort());
            var output = new StringBuilder();
            var process = NodeTool.Start(
                [
                    main, "--smtp", smtp.ToString(CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
                    "--web", web.ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1", "--mail-directory", mailDirectory,
                ],
                output);
            var maildev = new MaildevProcess(process, smtp, web, output);
            if (await NodeTool.WaitUntilListeningAsync(process, TimeSpan.FromSeconds(30), cancellationToken, smtp, web))
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
    public static Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
        => NodeTool.EnsureInstalledAsync(Path.Combine("node_modules", "maildev", "dist", "bin", "maildev.js"), "MailDev", cancellationToken);

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
}
