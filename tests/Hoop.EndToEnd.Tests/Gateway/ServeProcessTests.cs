using System.Diagnostics;
using System.Text.Json.Nodes;
using Hoop.Tests.Shared;

namespace Hoop.EndToEnd.Tests.Gateway;

/// <summary>The README's first command for real: the <c>hoop serve --demo</c> process, then kubectl with its kubeconfig.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task ServeDemo_Process_PrintsReadyWritesStateAndServesKubectl()
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "hoop-serve-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hoop.dll"), "serve", "--demo", "--port", "0", "--state-dir", stateDir })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            string? ready = null;
            while (ready is null && await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                ready = line.StartsWith("ready ", StringComparison.Ordinal) ? line : null;
            }

            Assert.NotNull(ready);
            var url = ready["ready ".Length..];
            Assert.StartsWith("https://127.0.0.1:", url, StringComparison.Ordinal);
            var gateway = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(stateDir, "gateway.json"), cts.Token))!;
            Assert.Equal(url, (string?)gateway["url"]);
            Assert.True(File.Exists((string)gateway["caFile"]!));

            var kubectl = new Kubectl("kubectl", Path.Combine(stateDir, "agent.kubeconfig"));
            var pods = await kubectl.RunAsync("get", "pods", "-A");

            Assert.True(pods.ExitCode == 0, pods.ToString());
            Assert.Contains("web-abc12", pods.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(stateDir, recursive: true);
        }
    }
}
