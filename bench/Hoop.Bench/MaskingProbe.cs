using System.Buffers;
using System.Diagnostics;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Bench;

/// <summary>Quick timings of the masking rules one by one (to see where time goes). Usage: <c>-- masking-probe</c>.</summary>
internal static class MaskingProbe
{
    public static int Run()
    {
        var bodies = new (string Name, byte[] Body, BodyFormat Format)[]
        {
            ("pods", MaskingBenchData.PodList(), BodyFormat.Json),
            ("secrets", MaskingBenchData.SecretList(), BodyFormat.Json),
            ("log", MaskingBenchData.Log(2 * MaskingBenchData.OneMegabyte), BodyFormat.Text),
        };
        var all = new MaskingRuleSwitches();
        var variants = new (string Name, MaskingRuleSwitches Rules)[]
        {
            ("all", all),
            ("no phone", all with { Phone = false }),
            ("no personal", all with { Phone = false, Card = false, Ssn = false, Email = false, Iban = false, IpAddress = false }),
            ("no credentials", all with { Credentials = false }),
            ("no field names", all with { FieldNames = false }),
            ("no embedded", all with { EmbeddedJson = false }),
            ("all again", all),
            ("nothing", new MaskingRuleSwitches { Secrets = false, EmbeddedJson = false, Helm = false, FieldNames = false, Credentials = false, Email = false, Card = false, Ssn = false, Phone = false, Iban = false, IpAddress = false }),
        };
        foreach (var chunkSize in new[] { 64, 1024, 16384, 16384 })
        {
            var pods = MaskingBenchData.PodList();
            var m0 = new ResponseMasker(MaskingOptions.Default);
            var ctx = new MaskingContext(new Session("p", "p", [], "", "", DateTimeOffset.MaxValue), new RequestInfo { IsResourceRequest = true, Resource = "pods" }, "application/json");
            var best = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var outw = new ArrayBufferWriter<byte>();
                var start = Stopwatch.GetTimestamp();
                var m = m0.CreateMasker(BodyFormat.Json, ctx);
                for (var i = 0; i < pods.Length; i += chunkSize)
                {
                    m.Write(pods.AsSpan(i, Math.Min(chunkSize, pods.Length - i)), outw);
                }

                m.Complete(outw);
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            Console.WriteLine($"pods in {chunkSize}-byte chunks: {best:F1} ms");
        }

        if (Environment.GetEnvironmentVariable("PROBE_PARTS") == "1")
        {
            MaskingProbeParts.Run(bodies[0].Body);
        }

        foreach (var (name, body, format) in bodies)
        {
            foreach (var (variant, rules) in variants)
            {
                var masker = new ResponseMasker(new MaskingOptions { Rules = rules });
                var output = new ArrayBufferWriter<byte>(body.Length * 2);
                var context = new MaskingContext(new Session("p", "p", [], "", "", DateTimeOffset.MaxValue), new RequestInfo { IsResourceRequest = true, Resource = name }, "");
                var best = double.MaxValue;
                for (var round = 0; round < 5; round++)
                {
                    output.ResetWrittenCount();
                    var start = Stopwatch.GetTimestamp();
                    var m = masker.CreateMasker(format, context);
                    for (var i = 0; i < body.Length; i += 16384)
                    {
                        m.Write(body.AsSpan(i, Math.Min(16384, body.Length - i)), output);
                    }

                    m.Complete(output);
                    best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                Console.WriteLine($"{name,-8} {variant,-16} {body.Length / 1024.0 / 1024.0 / (best / 1000),8:F0} MB/s  ({best:F1} ms)");
            }
        }

        return 0;
    }
}
