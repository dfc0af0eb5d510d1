using System.Diagnostics;
using System.Text.Json;
using Hoop.Gateway.Masking;

namespace Hoop.Bench;

/// <summary>Times the line masker per distinct string value of a body and prints the slowest (to see where time goes).</summary>
internal static class MaskingProbeParts
{
    public static void Run(byte[] json)
    {
        var strings = new HashSet<string>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                strings.Add(reader.GetString()!);
            }
        }

        var engine = new MaskingEngine(MaskingOptions.Default);
        var lines = new LineMasker(engine, new MaskFormatter([], "s"), 0);
        for (var warm = 0; warm < 3; warm++)
        {
            foreach (var s in strings)
            {
                lines.MaskText(s);
            }
        }

        var costs = new List<(double Micros, string Value)>();
        foreach (var s in strings)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < 20; i++)
            {
                lines.MaskText(s);
            }

            costs.Add((Stopwatch.GetElapsedTime(start).TotalMicroseconds / 20, s));
        }

        Console.WriteLine($"{strings.Count} distinct strings; total {costs.Sum(c => c.Micros):F0} us");
        foreach (var (micros, value) in costs.OrderByDescending(c => c.Micros).Take(12))
        {
            Console.WriteLine($"  {micros,8:F2} us  {value[..Math.Min(80, value.Length)]}");
        }
    }
}
