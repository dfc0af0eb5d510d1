using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>
/// Loads a policy: YAML (positions kept) → JSON → JSON Schema → model → semantic checks. Every problem carries the line
/// and column it concerns; the document is returned only when there is no error.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The policy's JSON Schema (Draft 2020-12) as shipped, for editors and <c>hoop policy schema</c>.</summary>
    public static string SchemaText => PolicySchema.Text;

    /// <summary>Loads the policy text <paramref name="yaml"/>; <paramref name="sourceName"/> names it in the document.</summary>
    public static PolicyLoadResult Load(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new List<PolicyProblem>();
        var document = Parse(yaml, sourceName, problems);
        var ordered = problems
            .OrderBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ThenBy(p => p.Severity)
            .ToList();
        return new PolicyLoadResult(ordered.Any(p => p.Severity == PolicyProblemSeverity.Error) ? null : document, ordered);
    }

    /// <summary>Loads a policy file; I/O errors propagate to the caller.</summary>
    public static async Task<PolicyLoadResult> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        Load(await File.ReadAllTextAsync(path, cancellationToken), path);

    private static PolicyDocument? Parse(string yaml, string sourceName, List<PolicyProblem> problems)
    {
        // :: Step 1: YAML, with positions.
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var message = ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                ? "duplicate key: a key may appear once in a mapping"
                : $"invalid YAML: {ex.Message}";
            problems.Add(new PolicyProblem(PolicyProblemSeverity.Error, (int)ex.Start.Line, (int)ex.Start.Column, "", message));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new PolicyProblem(PolicyProblemSeverity.Error, 1, 1, "", "a policy is one YAML document whose top level is a mapping (connections, roles, ...)"));
            return null;
        }

        // :: Step 2: JSON, keeping a JSON Pointer → YAML position map for the schema's errors.
        var map = new YamlLocationMap();
        var json = YamlToJson.Convert(root, map, problems);
        if (problems.Count > 0 || json is null)
        {
            return null;
        }

        // :: Step 3: the schema.
        var element = JsonSerializer.SerializeToElement(json, JsonNodeContext.Default.JsonNode);
        PolicySchema.Instance.Validate(element, map, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        // :: Step 4: the model, then the checks that need meaning.
        var document = PolicyBinder.Bind(element, root, map, sourceName, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        PolicyChecker.Check(document, map, problems);
        return document;
    }
}
