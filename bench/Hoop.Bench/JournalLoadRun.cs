using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hoop.Bench;

/// <summary>
/// The journal under load: N concurrent sessions × M requests (request record awaited as on the hot path, response record
/// queued), on Azurite started as the demo starts it. Checks every request has exactly its records and every chain
/// verifies; prints records/s and the latency of the one synchronous write. Writes bench/RESULTS.md.
/// Usage: <c>dotnet run -c Release --project bench/Hoop.Bench -- journal [--sessions 50] [--requests 200]</c>.
/// </summary>
internal static class JournalLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Option(args, "--sessions", 50);
        var requests = Option(args, "--requests", 200);
        var location = Path.Combine(Path.GetTempPath(), "hoop-bench-azurite-" + Guid.NewGuid().ToString("N"));
        await using var azurite = await AzuriteProcess.StartAsync(location);
        var options = new JournalOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "bench" };
        var store = JournalStore.Create(options);
        var keys = JournalKeys.FromSecret(JournalKeys.NewSecret());
        await using var journal = new TableJournal(store, new Keys(keys), new ResponseMasker(MaskingOptions.Default), Options.Create(options), TimeProvider.System, NullLogger<TableJournal>.Instance);
        var latencies = new double[sessions * requests];
        var info = RequestInfoResolver.Resolve("GET", "/api/v1/namespaces/default/pods", QueryParameters.Empty);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, sessions).Select(async s =>
        {
            var session = new Session($"bench-{s}", $"user{s}", ["developers"], "agent", "demo", DateTimeOffset.UtcNow.AddHours(1));
            await journal.RecordSessionStartedAsync(session);
            for (var r = 0; r < requests; r++)
            {
                var auditId = Guid.NewGuid().ToString();
                var t = Stopwatch.GetTimestamp();
                await journal.RecordRequestAsync(new RequestRecord
                {
                    SessionId = session.Id,
                    AuditId = auditId,
                    User = session.User,
                    Connection = "demo",
                    Method = "GET",
                    Target = "/api/v1/namespaces/default/pods",
                    Info = info,
                    Decision = new Decision { Action = DecisionAction.Allow, Rule = "read" },
                    ReceivedAt = DateTimeOffset.UtcNow,
                    Session = session,
                });
                latencies[(s * requests) + r] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = auditId, StatusCode = 200, Duration = TimeSpan.FromMilliseconds(1) });
            }

            await journal.RecordSessionEndedAsync(session.Id, "bench");
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var records = sessions * ((2 * requests) + 2);
        var report = await new JournalVerifier(new JournalReader(store), keys, null, TimeProvider.System).VerifyAsync();
        Array.Sort(latencies);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Azurite {AzuriteVersion()} on loopback; {sessions} concurrent sessions × {requests} requests (request record awaited, response record queued).")
            .AppendLine()
            .AppendLine("| figure | value |")
            .AppendLine("|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| records written | {report.Records} (expected {records}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| chains verified | {(report.Verified ? "all" : $"NO: {report.Problems.Count} problems")} ({report.Sessions} sessions) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| records/s | {records / elapsed.TotalSeconds:F0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| request-record write p50 (ms) | {Percentile(latencies, 0.50):F2} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| request-record write p99 (ms) | {Percentile(latencies, 0.99):F2} |")
            .ToString();
        Console.WriteLine(text);
        GatewayLatencyRun.UpdateResults(args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? GatewayLatencyRun.ResultsFile(), "Journal under load", text);
        await azurite.StopAsync();
        Directory.Delete(location, recursive: true);
        return report.Verified && report.Records == records ? 0 : 1;
    }

    private static string AzuriteVersion()
    {
        var package = Path.Combine(AzuriteProcess.FindRepositoryRoot(), "node_modules", "azurite", "package.json");
        var text = File.Exists(package) ? File.ReadAllText(package) : "";
        var index = text.IndexOf("\"version\": \"", StringComparison.Ordinal);
        return index < 0 ? "?" : text[(index + 12)..text.IndexOf('"', index + 12)];
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class Keys(JournalKeys keys) : IJournalKeySource
    {
        public ValueTask<JournalKeys> GetKeysAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(keys);
    }
}
