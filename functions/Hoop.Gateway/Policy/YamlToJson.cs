using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>
/// Converts a policy's YAML to JSON (for the schema) while recording every node's position. Scalars resolve by the
/// YAML 1.2 core schema (so <c>yes</c> stays a string); duplicate keys and anchors / aliases are refused, because a
/// policy must read exactly as it is applied.
/// </summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(YamlNode root, YamlLocationMap map, List<PolicyProblem> problems) =>
        Visit(root, "", "", default, map, problems);

    private static JsonNode? Visit(YamlNode node, string pointer, string path, Mark key, YamlLocationMap map, List<PolicyProblem> problems)
    {
        var at = new YamlLocation(
            (int)node.Start.Line,
            (int)node.Start.Column,
            key.Line > 0 ? (int)key.Line : (int)node.Start.Line,
            key.Line > 0 ? (int)key.Column : (int)node.Start.Column,
            path);
        map.Add(pointer, at);

        if (!node.Anchor.IsEmpty)
        {
            problems.Add(Error(at, "anchors and aliases are not supported: write the policy out in full so it reads at sight"));
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (k, v) in mapping.Children)
                {
                    if (k is not YamlScalarNode { Value: { } name })
                    {
                        problems.Add(Error(Locate(k, path), "mapping keys must be plain strings"));
                        continue;
                    }

                    var childPath = path.Length == 0 ? name : path + "." + name;
                    if (obj.ContainsKey(name))
                    {
                        problems.Add(Error(Locate(k, childPath), $"duplicate key '{name}'"));
                        continue;
                    }

                    obj[name] = Visit(v, YamlLocationMap.Child(pointer, name), childPath, k.Start, map, problems);
                }

                return obj;

            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(Visit(item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture), $"{path}[{index}]", default, map, problems));
                    index++;
                }

                return array;

            case YamlScalarNode scalar:
                return Scalar(scalar);

            default:
                problems.Add(Error(at, "unsupported YAML node"));
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsNonSpecific && !scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(value);
        }

        // YAML 1.2 core schema resolution of plain scalars.
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            default:
                break;
        }

        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    private static YamlLocation Locate(YamlNode node, string path) =>
        new((int)node.Start.Line, (int)node.Start.Column, (int)node.Start.Line, (int)node.Start.Column, path);

    private static PolicyProblem Error(YamlLocation at, string message) =>
        new(PolicyProblemSeverity.Error, at.KeyLine, at.KeyColumn, at.Path, message);

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
