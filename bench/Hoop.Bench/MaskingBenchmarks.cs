using System.Buffers;
using BenchmarkDotNet.Attributes;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Bench;

/// <summary>
/// Masking throughput, single core: the body is pushed through the masker in 16 KiB chunks (as the gateway reads it from
/// upstream) into a reused output buffer. Run with <c>-- masking</c> to get MB/s and allocations per MB in bench/RESULTS.md.
/// </summary>
[MemoryDiagnoser]
public class MaskingBenchmarks
{
    private const int Chunk = 16 * 1024;

    private readonly ResponseMasker _masker = new(MaskingOptions.Default);
    private readonly ArrayBufferWriter<byte> _output = new(16 * MaskingBenchData.OneMegabyte);
    private byte[] _pods = [];
    private byte[] _secrets = [];
    private byte[] _log = [];

    public static int PodListBytes { get; } = MaskingBenchData.PodList().Length;

    public static int SecretListBytes { get; } = MaskingBenchData.SecretList().Length;

    public static int LogBytes { get; } = MaskingBenchData.Log().Length;

    [GlobalSetup]
    public void Setup()
    {
        _pods = MaskingBenchData.PodList();
        _secrets = MaskingBenchData.SecretList();
        _log = MaskingBenchData.Log();
    }

    [Benchmark]
    public int PodList1MB() => Run(_pods, BodyFormat.Json, "pods");

    [Benchmark]
    public int SecretList1MB() => Run(_secrets, BodyFormat.Json, "secrets");

    [Benchmark]
    public int Log10MB() => Run(_log, BodyFormat.Text, "pods");

    private int Run(byte[] body, BodyFormat format, string resource)
    {
        _output.ResetWrittenCount();
        var context = new MaskingContext(
            new Session("bench", "alice", [], "agent", "demo", DateTimeOffset.MaxValue),
            new RequestInfo { IsResourceRequest = true, Verb = "list", ApiVersion = "v1", Resource = resource },
            format == BodyFormat.Json ? "application/json" : "text/plain");
        var masker = _masker.CreateMasker(format, context);
        for (var i = 0; i < body.Length; i += Chunk)
        {
            masker.Write(body.AsSpan(i, Math.Min(Chunk, body.Length - i)), _output);
        }

        masker.Complete(_output);
        return _output.WrittenCount;
    }
}
