using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Hoop.Cli.Serve;
using Hoop.Gateway.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Bench;

/// <summary>
/// Click-to-forward latency of a human approval on <c>hoop serve --demo</c>: the agent's scale request is held, the
/// approver POSTs the decision (the "click" on the page does the same POST), and the run measures from the decision
/// POST's response to the agent's response. Prints p50/p90/max and writes them to bench/RESULTS.md.
/// Usage: <c>dotnet run -c Release --project bench/Hoop.Bench -- approval [--runs N] [--results FILE]</c>.
/// </summary>
internal static class ApprovalLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 20);
        var results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? GatewayLatencyRun.ResultsFile();
        var load = LoadAverage();
        var stateDir = Path.Combine(Path.GetTempPath(), "hoop-bench-" + Guid.NewGuid().ToString("N"));
        var gateway = await ServeHost.StartAsync(new ServeSettings { Demo = true, Port = 0, StateDir = stateDir }, CancellationToken.None);
        try
        {
            var local = await LocalGateway.LoadAsync(stateDir, CancellationToken.None);
            using var approver = LocalGateway.Client(local.Url, local.CaFile);
            approver.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await local.DevTokenAsync("bob", CancellationToken.None));
            using var agent = LocalGateway.Client(new Uri(local.Url, "/k8s/demo/"), local.CaFile);
            agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Demo.SessionToken);
            agent.Timeout = TimeSpan.FromMinutes(2);
            var desk = gateway.App.Services.GetRequiredService<ApprovalDesk>();

            // One warm-up approval (JIT, connection pools, TLS sessions, the sidecar's first orchestration).
            await OneAsync(agent, approver, desk, 1);
            var afterResponse = new double[runs];
            var afterRequest = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                (afterResponse[i], afterRequest[i]) = await OneAsync(agent, approver, desk, i + 2);
            }

            Array.Sort(afterResponse);
            Array.Sort(afterRequest);
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average before the run {load} (after: {LoadAverage()}); {runs} approvals on `hoop serve --demo` (in-process Durable Task sidecar, journal in Azurite). `dotnet run -c Release --project bench/Hoop.Bench -- approval`.")
                .AppendLine()
                .AppendLine("Each run: the agent PATCHes `deployments/web/scale` (held by the default policy's `scale-needs-approval`), bob POSTs `/approvals/{id}/decision` approve (what the page's button does), and the clock runs until the agent has the response.")
                .AppendLine()
                .AppendLine("| figure | p50 (ms) | p90 (ms) | max (ms) |")
                .AppendLine("|---|---|---|---|")
                .AppendLine(Row("decision POST answered → agent response", afterResponse))
                .AppendLine(Row("decision POST sent → agent response", afterRequest))
                .ToString();
            Console.WriteLine(report);
            GatewayLatencyRun.UpdateResults(results, "Approval click-to-forward latency", report);
            return 0;
        }
        finally
        {
            await gateway.DisposeAsync();
            Directory.Delete(stateDir, recursive: true);
        }
    }

    /// <summary>One held request, approved: (ms from the decision's response to the agent's, ms from the decision's send to the agent's).</summary>
    private static async Task<(double AfterResponse, double AfterRequest)> OneAsync(HttpClient agent, HttpClient approver, ApprovalDesk desk, int replicas)
    {
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "apis/apps/v1/namespaces/default/deployments/web/scale")
        {
            Content = new StringContent($"{{\"spec\":{{\"replicas\":{replicas}}}}}", Encoding.UTF8, new MediaTypeHeaderValue("application/merge-patch+json")),
        };
        var held = agent.SendAsync(patch);
        var body = $"\"replicas\":{replicas}}}";
        ApprovalRequest? pending = null;
        while (pending is null)
        {
            pending = (await desk.ListPendingAsync()).FirstOrDefault(a => a.Body.Contains(body, StringComparison.Ordinal));
            if (pending is null)
            {
                await Task.Delay(10);
            }
        }

        var sent = Stopwatch.GetTimestamp();
        using (var decision = await approver.PostAsJsonAsync($"/approvals/{pending.ApprovalId}/decision", new { decision = "approve", comment = "bench" }))
        {
            if (decision.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"decision answered {(int)decision.StatusCode}: {await decision.Content.ReadAsStringAsync()}");
            }
        }

        var answered = Stopwatch.GetTimestamp();
        using var response = await held;
        var done = Stopwatch.GetTimestamp();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the held request answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (Stopwatch.GetElapsedTime(answered, done).TotalMilliseconds, Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
    }

    private static string Row(string name, double[] sorted)
        => string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(sorted, 0.50):F0} | {Percentile(sorted, 0.90):F0} | {sorted[^1]:F0} |");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
