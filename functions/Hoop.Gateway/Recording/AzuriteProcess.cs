using System.Diagnostics;
using System.Text;
using Hoop.Gateway.Hosting;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Azurite's Table service as a child process (<c>hoop serve --demo</c> and the tests): the npm package pinned in the
/// repository's package.json, installed with <c>npm ci</c> on first use, listening on a free loopback port, its data in
/// a folder. Stopped with SIGINT so it saves its data (it keeps writes in memory for up to 5 s otherwise).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string DevAccountName = "devstoreaccount1";

    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, int port, string location, StringBuilder output)
    {
        _process = process;
        _output = output;
        Port = port;
        Location = location;
    }

    /// <summary>The Table service port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The folder Azurite keeps its data in.</summary>
    public string Location { get; }

    /// <summary>A connection string for the Table service.</summary>
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The connection string of an Azurite Table service on <paramref name="port"/>.</summary>
    public static string ConnectionStringFor(int port)
        => $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{port}/{DevAccountName};";

    /// <summary>Starts Azurite's Table service with its data in <paramref name="location"/> and waits until it accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(string location, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(location);
        var main = await EnsureInstalledAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var port = NodeTool.FreePort();
            var output = new StringBuilder();
            var process = NodeTool.Start(
                [
                    main, "--location", location, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                ],
                output);
            var azurite = new AzuriteProcess(process, port, location, output);
            if (await NodeTool.WaitUntilListeningAsync(process, TimeSpan.FromSeconds(30), cancellationToken, port))
            {
                return azurite;
            }

            await azurite.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Azurite did not start: {output}");
            }
        }
    }

    /// <summary>
    /// The path of Azurite's Table service entry point, running <c>npm ci</c> in the repository first when the package
    /// is not installed yet.
    /// </summary>
    public static Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
        => NodeTool.EnsureInstalledAsync(Path.Combine("node_modules", "azurite", "dist", "src", "table", "main.js"), "Azurite", cancellationToken);

    /// <summary>
    /// The repository root (the folder with package.json pinning Azurite): <c>HOOP_REPOSITORY_ROOT</c>, else the first
    /// ancestor of the program's folder or the current folder that has one.
    /// </summary>
    public static string FindRepositoryRoot()
    {
        if (Environment.GetEnvironmentVariable("HOOP_REPOSITORY_ROOT") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var package = Path.Combine(directory.FullName, "package.json");
                if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository's package.json (which pins Azurite) was not found; set HOOP_REPOSITORY_ROOT or pass --storage.");
    }

    /// <summary>Stops Azurite, letting it save its data (SIGINT), and kills it if it has not stopped within 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && await InterruptAsync(_process.Id))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
                return;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>Sends SIGINT through the system's <c>kill</c> (no native interop in this assembly).</summary>
    private static async Task<bool> InterruptAsync(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (kill is null)
            {
                return false;
            }

            await kill.WaitForExitAsync();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
