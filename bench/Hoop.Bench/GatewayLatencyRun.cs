using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hoop.Cli.Serve;
using Hoop.Gateway.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Bench;

/// <summary>
/// Added latency and throughput of the gateway versus calling the simulated cluster directly, measured in the same run
/// (interleaved, same machine, same HTTP client settings). Prints the figures and writes them to bench/RESULTS.md.
/// Usage: <c>dotnet run -c Release --project bench/Hoop.Bench -- latency [--requests N] [--results FILE]</c>.
/// </summary>
internal static class GatewayLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 3000);
        var listRequests = Option(args, "--list-requests", 40);
        var results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? ResultsFile();
        var forwarding = await MeasureAsync("forwarding only (journal discarded, bench-only)", requests, listRequests, s => s.AddSingleton<IAuditJournal, DiscardingJournal>());
        var journaled = await MeasureAsync("with the journal (Azurite on the same 2 cores)", requests, listRequests, null);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average before the run {LoadAverage()}; {requests} small GETs and {listRequests} list GETs per path, interleaved with the direct baseline in the same run. `dotnet run -c Release --project bench/Hoop.Bench -- latency`.")
            .AppendLine()
            .AppendLine("Client, gateway, simulated cluster (and Azurite) share the same cores, so every TLS leg and every copy the gateway adds competes with the baseline for CPU; on Azure, TLS terminates at the platform front end and the cluster runs elsewhere.")
            .AppendLine()
            .AppendLine("| figure | direct | through gateway | added / ratio |")
            .AppendLine("|---|---|---|---|")
            .Append(forwarding)
            .Append(journaled)
            .ToString();
        Console.WriteLine(report);
        UpdateResults(results, "Gateway latency and throughput", report);
        return 0;
    }

    private static async Task<string> MeasureAsync(string label, int requests, int listRequests, Action<IServiceCollection>? configure)
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "hoop-bench-" + Guid.NewGuid().ToString("N"));
        var gateway = await ServeHost.StartAsync(new ServeSettings { Demo = true, Port = 0, StateDir = stateDir, ConfigureServices = configure }, CancellationToken.None);
        try
        {
            var cluster = gateway.Demo.Cluster;
            cluster.Store.AddPods("bench", 720);
            using var direct = Client(cluster.BaseAddress, cluster.BearerToken);

            // The demo connection impersonates, so the simulated cluster refuses requests without Impersonate-User.
            direct.DefaultRequestHeaders.TryAddWithoutValidation("Impersonate-User", "bench-direct");
            using var viaGateway = Client(new Uri(gateway.Url, "/k8s/demo/"), gateway.Demo.SessionToken);
            const string small = "api/v1/namespaces/default/pods/web-abc12";
            const string list = "api/v1/namespaces/bench/pods";
            var listBytes = (await direct.GetByteArrayAsync(new Uri(list, UriKind.Relative))).Length;

            // Warm both paths (JIT, connection pools, TLS sessions).
            for (var i = 0; i < 300; i++)
            {
                await direct.GetByteArrayAsync(new Uri(small, UriKind.Relative));
                await viaGateway.GetByteArrayAsync(new Uri(small, UriKind.Relative));
            }

            var directTimes = new double[requests];
            var gatewayTimes = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                directTimes[i] = await TimeAsync(direct, small);
                gatewayTimes[i] = await TimeAsync(viaGateway, small);
            }

            // Warm the list path long enough for the masker's scanning loops to reach optimised code (tiered JIT):
            // a few lists leave them at tier 0, several times slower than a long-running gateway.
            for (var i = 0; i < 40; i++)
            {
                await direct.GetByteArrayAsync(new Uri(list, UriKind.Relative));
                await viaGateway.GetByteArrayAsync(new Uri(list, UriKind.Relative));
            }

            var directList = TimeSpan.Zero;
            var gatewayList = TimeSpan.Zero;
            for (var i = 0; i < listRequests; i++)
            {
                directList += TimeSpan.FromMilliseconds(await TimeAsync(direct, list));
                gatewayList += TimeSpan.FromMilliseconds(await TimeAsync(viaGateway, list));
            }

            Array.Sort(directTimes);
            Array.Sort(gatewayTimes);
            var directMbps = Throughput(listBytes, listRequests, directList);
            var gatewayMbps = Throughput(listBytes, listRequests, gatewayList);
            return new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"| **{label}** | | | |")
                .AppendLine(Row("small GET p50 (ms)", Percentile(directTimes, 0.50), Percentile(gatewayTimes, 0.50)))
                .AppendLine(Row("small GET p99 (ms)", Percentile(directTimes, 0.99), Percentile(gatewayTimes, 0.99)))
                .AppendLine(CultureInfo.InvariantCulture, $"| pod list {listBytes / 1024.0 / 1024.0:F2} MB throughput (MB/s) | {directMbps:F1} | {gatewayMbps:F1} | {gatewayMbps / directMbps * 100:F0}% of direct |")
                .ToString();
        }
        finally
        {
            await gateway.DisposeAsync();
            Directory.Delete(stateDir, recursive: true);
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Row(string name, double direct, double gateway)
        => string.Create(CultureInfo.InvariantCulture, $"| {name} | {direct:F3} | {gateway:F3} | +{gateway - direct:F3} ms |");

    private static double Throughput(int bytes, int count, TimeSpan total) => bytes * (double)count / 1024 / 1024 / total.TotalSeconds;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static HttpClient Client(Uri baseAddress, string token)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return client;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>bench/RESULTS.md of the repository this run was built from.</summary>
    internal static string ResultsFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hoop.Functions.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? ".", "bench", "RESULTS.md");
    }

    /// <summary>Replaces the section headed <paramref name="heading"/> in RESULTS.md (or appends it), leaving other sections.</summary>
    internal static void UpdateResults(string path, string heading, string body)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n\nFigures printed by the runs in bench/; ratios are against a baseline measured in the same run.\n";
        var marker = $"## {heading}\n";
        var section = marker + "\n" + body.TrimEnd() + "\n";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            text = text.TrimEnd() + "\n\n" + section;
        }
        else
        {
            var end = text.IndexOf("\n## ", start + marker.Length, StringComparison.Ordinal);
            text = text[..start] + section + (end < 0 ? "" : text[end..]);
        }

        File.WriteAllText(path, text.TrimEnd() + "\n");
    }
}
