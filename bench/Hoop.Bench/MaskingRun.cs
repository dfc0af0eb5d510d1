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
    /// <summary>MB per CPU-second of each benchmark (robust to other processes sharing the cores): warm, then 20 runs.</summary>
    private static Dictionary<string, double> CpuThroughput()
    {
        var bench = new MaskingBenchmarks();
        bench.Setup();
        var cases = new (string Name, Func<int> Run, int Bytes)[]
        {
            (nameof(MaskingBenchmarks.PodList1MB), bench.PodList1MB, MaskingBenchmarks.PodListBytes),
            (nameof(MaskingBenchmarks.SecretList1MB), bench.SecretList1MB, MaskingBenchmarks.SecretListBytes),
            (nameof(MaskingBenchmarks.Log10MB), bench.Log10MB, MaskingBenchmarks.LogBytes),
        };
        var result = new Dictionary<string, double>();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        foreach (var (name, run, bytes) in cases)
        {
            for (var i = 0; i < 30; i++)
            {
                run();
            }

            process.Refresh();
            var before = process.TotalProcessorTime;
            const int Runs = 20;
            for (var i = 0; i < Runs; i++)
            {
                run();
            }

            process.Refresh();
            result[name] = bytes * (double)Runs / 1024 / 1024 / (process.TotalProcessorTime - before).TotalSeconds;
        }

        return result;
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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
        var cpu = CpuThroughput();
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores (one used), .NET {Environment.Version}; BenchmarkDotNet short job in process, body pushed in 16 KiB chunks.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Load average when measured: {LoadAverage()} (other builds share the 2 cores, so wall-clock figures understate the masker; the CPU-time column divides by the process's CPU time instead).")
            .AppendLine()
            .AppendLine("| body | size (MB) | mean wall (ms) | wall throughput (MB/s) | CPU-time throughput (MB/s) | allocated per MB (KB) |")
            .AppendLine("|---|---|---|---|---|---|");
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
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {megabytes:F2} | {meanMs:F2} | {megabytes / (meanMs / 1000):F0} | {cpu[name]:F0} | {allocated / 1024.0 / megabytes:F0} |");
        }

        Console.WriteLine(report);
        GatewayLatencyRun.UpdateResults(results, "Masking throughput", report.ToString());
        return 0;
    }
}
