using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Hoop.Bench;

/// <summary>
/// Runs <see cref="MaskingBenchmarks"/> with a short job and writes MB/s and allocations per MB to bench/RESULTS.md.
/// Usage: <c>dotnet run -c Release --project bench/Hoop.Bench -- masking [--results FILE]</c>.
/// </summary>
internal static class MaskingRun
{
    public static int Run(string[] args)
    {
        var results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? GatewayLatencyRun.ResultsFile();
        var job = Job.ShortRun.WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<MaskingBenchmarks>(config);
        var sizes = new Dictionary<string, int>
        {
            [nameof(MaskingBenchmarks.PodList1MB)] = MaskingBenchmarks.PodListBytes,
            [nameof(MaskingBenchmarks.SecretList1MB)] = MaskingBenchmarks.SecretListBytes,
            [nameof(MaskingBenchmarks.Log10MB)] = MaskingBenchmarks.LogBytes,
        };
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores (one used), .NET {Environment.Version}; BenchmarkDotNet short job in process, body pushed in 16 KiB chunks.")
            .AppendLine()
            .AppendLine("| body | size (MB) | mean (ms) | throughput (MB/s) | allocated per MB (KB) |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var case_ in summary.Reports)
        {
            var name = case_.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var megabytes = sizes[name] / 1024.0 / 1024.0;
            if (case_.ResultStatistics is null)
            {
                Console.Error.WriteLine($"{name}: no result (see the BenchmarkDotNet log above)");
                return 1;
            }

            var meanMs = case_.ResultStatistics.Mean / 1e6;
            var allocated = case_.GcStats.GetBytesAllocatedPerOperation(case_.BenchmarkCase) ?? 0;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {megabytes:F2} | {meanMs:F2} | {megabytes / (meanMs / 1000):F0} | {allocated / 1024.0 / megabytes:F0} |");
        }

        Console.WriteLine(report);
        GatewayLatencyRun.UpdateResults(results, "Masking throughput", report.ToString());
        return 0;
    }
}
