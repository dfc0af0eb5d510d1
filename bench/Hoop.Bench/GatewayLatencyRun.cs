using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hoop.Cli.Serve;

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
        var stateDir = Path.Combine(Path.GetTempPath(), "hoop-bench-" + Guid.NewGuid().ToString("N"));
        await using var gateway = await ServeHost.StartAsync(new ServeSettings { Demo = true, Port = 0, StateDir = stateDir }, CancellationToken.None);
        var cluster = gateway.Demo.Cluster;
        cluster.Store.AddPods("bench", 720);

        using var direct = Client(cluster.BaseAddress, cluster.BearerToken);
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

        for (var i = 0; i < 5; i++)
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
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}; {requests} small GETs and {listRequests} list GETs per path, interleaved.")
            .AppendLine()
            .AppendLine("| figure | direct | through gateway | added / ratio |")
            .AppendLine("|---|---|---|---|")
            .AppendLine(Row("small GET p50 (ms)", Percentile(directTimes, 0.50), Percentile(gatewayTimes, 0.50)))
            .AppendLine(Row("small GET p99 (ms)", Percentile(directTimes, 0.99), Percentile(gatewayTimes, 0.99)))
            .AppendLine(CultureInfo.InvariantCulture, $"| pod list {listBytes / 1024.0 / 1024.0:F2} MB throughput (MB/s) | {Throughput(listBytes, listRequests, directList):F1} | {Throughput(listBytes, listRequests, gatewayList):F1} | {Throughput(listBytes, listRequests, gatewayList) / Throughput(listBytes, listRequests, directList) * 100:F0}% of direct |")
            .ToString();
        Console.WriteLine(report);
        UpdateResults(results, "Gateway latency and throughput", report);
        Directory.Delete(stateDir, recursive: true);
        return 0;
    }

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
