using System.Diagnostics;
using System.Text.Json;
using Hoop.Gateway.Masking;

namespace Hoop.Bench;

/// <summary>Times each scanner over the string values of a body.</summary>
internal static class MaskingProbeParts
{
    public static void Run(byte[] json)
    {
        var strings = new List<string>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                strings.Add(reader.GetString()!);
            }
        }

        var options = MaskingOptions.Default;
        var engine = new MaskingEngine(options);
        var names = engine.Scanner.Names;
        var spans = new SpanList();
        var lines = new LineMasker(engine, new MaskFormatter([], "s"), 0);
        var numbers = new NumberScanner(new PhoneNumberCheck(["US"]), true, true, options);
        var personal = new PersonalDataScanner(options);
        Time("scanner", strings, s => { spans.Clear(); engine.Scanner.Scan(s, spans); });
        Time("mask line", strings, s => lines.MaskLine(s));
        Time("line masker", strings, s => lines.MaskText(s));
        Time("scanner", strings, s => { spans.Clear(); engine.Scanner.Scan(s, spans); });
        Time("credentials", strings, s => { spans.Clear(); CredentialScanner.Scan(s, spans); });
        Time("key/value", strings, s => { spans.Clear(); KeyValueScanner.Scan(s, names, spans); });
        Time("numbers", strings, s => { spans.Clear(); numbers.Scan(s, spans); });
        Time("personal", strings, s => { spans.Clear(); personal.Scan(s, spans); });
        Console.WriteLine($"{strings.Count} strings, {strings.Sum(s => s.Length)} chars");
    }

    private static void Time(string name, List<string> strings, Action<string> action)
    {
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var s in strings)
            {
                action(s);
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Console.WriteLine($"  {name,-12} {best:F2} ms");
    }
}
