using System.Xml.Linq;

namespace Hoop.Compliance;

/// <summary>
/// The outcomes of one test run, read from its TRX files, keyed by the test method's fully qualified name
/// (<c>className.name</c> of the TRX <c>TestMethod</c>), so every case of a theory counts for its method.
/// </summary>
internal sealed class TrxResults
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private readonly Dictionary<string, List<string>> _outcomes = new(StringComparer.Ordinal);

    /// <summary>The TRX files read.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    public static TrxResults Load(string directory)
    {
        var results = new TrxResults();
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.trx").Order(StringComparer.Ordinal).ToList() : [];
        foreach (var file in files)
        {
            results.Add(XDocument.Load(file));
        }

        results.Files = files;
        return results;
    }

    /// <summary>Passed only when the method ran at least once and every one of its cases passed.</summary>
    public bool Passed(string method)
        => _outcomes.TryGetValue(method, out var outcomes) && outcomes.Count > 0
            && outcomes.TrueForAll(o => o == "Passed");

    /// <summary>The outcomes recorded for a method ("Passed", "Failed", "NotExecuted", ...), none when it did not run.</summary>
    public IReadOnlyList<string> Outcomes(string method) => _outcomes.TryGetValue(method, out var outcomes) ? outcomes : [];

    private void Add(XDocument document)
    {
        var methods = document.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? "",
            t => t.Element(Trx + "TestMethod") is { } m ? $"{(string?)m.Attribute("className")}.{(string?)m.Attribute("name")}" : "",
            StringComparer.Ordinal);
        foreach (var result in document.Descendants(Trx + "UnitTestResult"))
        {
            if (!methods.TryGetValue((string?)result.Attribute("testId") ?? "", out var method) || method.Length == 0)
            {
                continue;
            }

            if (!_outcomes.TryGetValue(method, out var outcomes))
            {
                outcomes = [];
                _outcomes[method] = outcomes;
            }

            outcomes.Add((string?)result.Attribute("outcome") ?? "Unknown");
        }
    }
}
