using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Hoop.Gateway.Policy;

/// <summary>
/// The policy's JSON Schema (Draft 2020-12, embedded as <c>Policy/policy.schema.json</c>) and the translation of its
/// errors into messages a cluster admin can act on, placed on the YAML line they concern.
/// </summary>
internal sealed class PolicySchema
{
    private const string ResourceName = "Hoop.Gateway.Policy.policy.schema.json";

    private static readonly Lazy<PolicySchema> Shared = new(Load);

    private readonly JsonSchema _schema;
    private readonly JsonElement _raw;
    private readonly IReadOnlyList<string> _fieldNames;

    private PolicySchema(string text)
    {
        _raw = JsonDocument.Parse(text).RootElement.Clone();
        _schema = JsonSchema.FromText(text);
        _fieldNames = CollectFieldNames(_raw);
    }

    public static PolicySchema Instance => Shared.Value;

    /// <summary>The schema text, as shipped (for <c>hoop policy schema</c> and editors).</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(PolicySchema).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Validates <paramref name="instance"/> and adds one problem per schema error.</summary>
    public void Validate(JsonElement instance, YamlLocationMap map, List<PolicyProblem> problems)
    {
        var results = _schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid || results.Details is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details)
        {
            if (detail.Errors is null || detail.Errors.Count == 0)
            {
                continue;
            }

            var evaluationPath = detail.EvaluationPath.ToString();

            // An 'if' that does not hold is not an error; its failure only selects the 'then' branch.
            if (evaluationPath.Contains("/if", StringComparison.Ordinal))
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            foreach (var (keyword, raw) in detail.Errors)
            {
                var location = map.Find(pointer);
                var message = Describe(keyword, raw, pointer, evaluationPath, instance);
                var useKey = keyword is "" or "propertyNames" or "required" || evaluationPath.Contains("/propertyNames", StringComparison.Ordinal);
                var problem = new PolicyProblem(
                    PolicyProblemSeverity.Error,
                    useKey ? location.KeyLine : location.Line,
                    useKey ? location.KeyColumn : location.Column,
                    location.Path,
                    message);
                if (seen.Add(problem.ToString()))
                {
                    problems.Add(problem);
                }
            }
        }
    }

    private string Describe(string keyword, string raw, string pointer, string evaluationPath, JsonElement instance)
    {
        var field = LastSegment(pointer);
        var value = Find(instance, pointer);
        var node = Navigate(evaluationPath);
        var shown = value is { ValueKind: JsonValueKind.String } s ? $"'{s.GetString()}'" : value?.GetRawText() ?? "";
        switch (keyword)
        {
            case "":
                return $"unknown field '{field}'{Suggest(field)}";
            case "required":
                return raw.Replace("Required properties", "missing required field(s)", StringComparison.Ordinal)
                    .Replace(" are not present", "", StringComparison.Ordinal);
            case "enum" when node is { } n && n.TryGetProperty("enum", out var allowed):
                var options = allowed.EnumerateArray().Select(a => a.GetString() ?? "").ToList();
                var hint = value is { ValueKind: JsonValueKind.String } v && options.Contains(v.GetString()!.ToLowerInvariant())
                    ? $" (names are case-sensitive: did you mean '{v.GetString()!.ToLowerInvariant()}'?)"
                    : "";
                return $"{shown} is not one of: {string.Join(", ", options)}{hint}";
            case "pattern" when evaluationPath.Contains("/propertyNames", StringComparison.Ordinal):
                return $"'{field}' is not a valid name: {Description(node) ?? "see the schema"}";
            case "pattern" or "minLength":
                return $"{shown} is not valid: expected {Description(node) ?? "a value matching the schema"}";
            case "type":
                return $"'{field}' has the wrong type: {raw.Replace("Value is", "it is", StringComparison.Ordinal)}";
            case "const" when node is { } c && c.TryGetProperty("const", out var constant):
                return $"'{field}' must be {constant.GetRawText()}";
            case "minItems":
                return $"'{field}' must not be empty";
            case "minProperties":
                return $"'{field}' must not be empty";
            default:
                return $"{field}: {raw}";
        }
    }

    private string Suggest(string field)
    {
        var best = _fieldNames
            .Select(name => (name, distance: EditDistance(name, field)))
            .Where(c => c.distance <= 2)
            .OrderBy(c => c.distance)
            .FirstOrDefault();
        return best.name is null ? "" : $" (did you mean '{best.name}'?)";
    }

    private static string? Description(JsonElement? node) =>
        node is { } n && n.TryGetProperty("description", out var d) ? d.GetString() : null;

    /// <summary>Follows an evaluation path through the raw schema, resolving local <c>$ref</c>s. Segments the
    /// evaluator repeats (it reports <c>items/items</c>) are skipped.</summary>
    private JsonElement? Navigate(string evaluationPath)
    {
        var current = _raw;
        foreach (var segment in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "$ref" && current.TryGetProperty("$ref", out var reference))
            {
                current = Find(_raw, reference.GetString()!.TrimStart('#')) ?? current;
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                && i < current.GetArrayLength())
            {
                current = current[i];
            }
        }

        return current;
    }

    private static JsonElement? Find(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string LastSegment(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        var segment = slash < 0 ? pointer : pointer[(slash + 1)..];
        return segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    private static List<string> CollectFieldNames(JsonElement schema)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in node.EnumerateObject())
                {
                    if (property.NameEquals("properties") && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in property.Value.EnumerateObject())
                        {
                            names.Add(field.Name);
                        }
                    }

                    Walk(property.Value);
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(schema);
        return [.. names];
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static PolicySchema Load() => new(Text);
}
