using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Reads the policy file's <c>masking:</c> section into <see cref="MaskingOptions"/>. Unknown keys and invalid values are
/// errors (a typo must not silently switch a rule off); custom patterns are compiled here so a bad one fails at load.
/// </summary>
/// <example>
/// <code>
/// masking:
///   rules: { ip: false }                    # secrets, embeddedJson, helm, fieldNames, credentials, email, card, ssn, phone, iban, ip
///   fieldNames: [ pin, otp ]                # extra secret key names (suffix match, any case / separator)
///   keepFieldNames: [ tokenUrl ]            # keys whose values the field-name rule leaves alone
///   patterns:
///     - { name: employee-id, pattern: 'EMP-[0-9]{6}', keywords: [ EMP- ], style: pseudonym }
///   allow: [ noreply@example.com ]          # values the content rules never mask
///   styles: { email: partial, card: partial, phone: pseudonym }
///   phoneRegions: [ US, GB ]
///   pseudonymKey: masking-pseudonym-key     # secret name in Key Vault / the local store
/// </code>
/// </example>
public static class MaskingOptionsReader
{
    private static readonly string[] Keys =
        ["enabled", "rules", "fieldNames", "keepFieldNames", "patterns", "allow", "styles", "phoneRegions", "pseudonymKey", "maxValueBytes", "maxHeldBytes", "maxEmbeddedBytes"];

    /// <summary>Reads the section from YAML text (the section's content, without the <c>masking:</c> key).</summary>
    public static MaskingOptions Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? MaskingOptions.Default : Read(stream.Documents[0].RootNode);
    }

    /// <summary>Reads the <c>masking:</c> section of a whole policy file (the defaults when it has none).</summary>
    public static MaskingOptions ReadPolicy(string policyYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(policyYaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return MaskingOptions.Default;
        }

        return root.Children.TryGetValue(new YamlScalarNode("masking"), out var section) ? Read(section) : MaskingOptions.Default;
    }

    /// <summary>Reads the section from its YAML node (as the policy loader keeps it); <see langword="null"/> gives the defaults.</summary>
    public static MaskingOptions Read(YamlNode? node)
    {
        if (node is null || (node is YamlScalarNode { Value: null or "" or "~" or "null" }))
        {
            return MaskingOptions.Default;
        }

        var map = node as YamlMappingNode ?? throw Error(node, "masking must be a mapping");
        var options = new MaskingOptions();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            options = key switch
            {
                "enabled" => Bool(value) ? options : options with { Rules = AllOff() },
                "rules" => options with { Rules = ReadRules(value, options.Rules) },
                "fieldNames" => options with { FieldNames = Strings(value) },
                "keepFieldNames" => options with { KeepFieldNames = Strings(value) },
                "patterns" => options with { Patterns = ReadPatterns(value) },
                "allow" => options with { Allow = Strings(value) },
                "styles" => options with { Styles = ReadStyles(value) },
                "phoneRegions" => options with { PhoneRegions = Strings(value) },
                "pseudonymKey" => options with { PseudonymKeySecret = Scalar(value) },
                "maxValueBytes" => options with { MaxValueBytes = Int(value) },
                "maxHeldBytes" => options with { MaxHeldBytes = Int(value) },
                "maxEmbeddedBytes" => options with { MaxEmbeddedBytes = Int(value) },
                _ => throw Error(keyNode, $"unknown masking key \"{key}\" (known: {string.Join(", ", Keys)})"),
            };
        }

        // Compile once here so that an invalid pattern fails the load, not a response.
        _ = new MaskingEngine(options);
        return options;
    }

    private static MaskingRuleSwitches AllOff() => new()
    {
        Secrets = false,
        EmbeddedJson = false,
        Helm = false,
        FieldNames = false,
        Credentials = false,
        Email = false,
        Card = false,
        Ssn = false,
        Phone = false,
        Iban = false,
        IpAddress = false,
    };

    private static MaskingRuleSwitches ReadRules(YamlNode node, MaskingRuleSwitches rules)
    {
        foreach (var (keyNode, value) in Map(node, "masking.rules").Children)
        {
            var on = Bool(value);
            rules = ((YamlScalarNode)keyNode).Value switch
            {
                "secrets" => rules with { Secrets = on },
                "embeddedJson" => rules with { EmbeddedJson = on },
                "helm" => rules with { Helm = on },
                "fieldNames" => rules with { FieldNames = on },
                "credentials" => rules with { Credentials = on },
                "email" => rules with { Email = on },
                "card" => rules with { Card = on },
                "ssn" => rules with { Ssn = on },
                "phone" => rules with { Phone = on },
                "iban" => rules with { Iban = on },
                "ip" => rules with { IpAddress = on },
                var other => throw Error(keyNode, $"unknown masking rule \"{other}\" (known: secrets, embeddedJson, helm, fieldNames, credentials, email, card, ssn, phone, iban, ip)"),
            };
        }

        return rules;
    }

    private static List<CustomPattern> ReadPatterns(YamlNode node)
    {
        var patterns = new List<CustomPattern>();
        var list = node as YamlSequenceNode ?? throw Error(node, "masking.patterns must be a list");
        foreach (var item in list)
        {
            string? name = null;
            string? pattern = null;
            IReadOnlyList<string> keywords = [];
            var group = 0;
            var style = MaskStyle.Redact;
            foreach (var (keyNode, value) in Map(item, "a masking pattern").Children)
            {
                switch (((YamlScalarNode)keyNode).Value)
                {
                    case "name":
                        name = Scalar(value);
                        break;
                    case "pattern" or "regex":
                        pattern = Scalar(value);
                        break;
                    case "keywords":
                        keywords = Strings(value);
                        break;
                    case "group":
                        group = Int(value);
                        break;
                    case "style":
                        style = Style(value);
                        break;
                    case var other:
                        throw Error(keyNode, $"unknown key \"{other}\" in a masking pattern (known: name, pattern (or regex), keywords, group, style)");
                }
            }

            var custom = new CustomPattern
            {
                Name = name ?? throw Error(item, "a masking pattern needs a name"),
                Pattern = pattern ?? throw Error(item, $"masking pattern \"{name}\" needs a pattern"),
                Keywords = keywords,
                Group = group,
                Style = style,
            };
            try
            {
                CompiledPattern.Compile(custom);
            }
            catch (ArgumentException ex)
            {
                throw Error(item, ex.Message);
            }

            patterns.Add(custom);
        }

        return patterns;
    }

    private static Dictionary<MaskKind, MaskStyle> ReadStyles(YamlNode node)
    {
        var styles = new Dictionary<MaskKind, MaskStyle>();
        foreach (var (keyNode, value) in Map(node, "masking.styles").Children)
        {
            var kind = ((YamlScalarNode)keyNode).Value switch
            {
                "email" => MaskKind.Email,
                "card" => MaskKind.Card,
                "ssn" => MaskKind.Ssn,
                "phone" => MaskKind.Phone,
                "iban" => MaskKind.Iban,
                "ip" => MaskKind.IpAddress,
                var other => throw Error(keyNode, $"masking.styles applies to personal data only (email, card, ssn, phone, iban, ip), not \"{other}\": credentials are always redacted"),
            };
            styles[kind] = Style(value);
        }

        return styles;
    }

    private static MaskStyle Style(YamlNode node) => Scalar(node) switch
    {
        "redact" => MaskStyle.Redact,
        "partial" => MaskStyle.Partial,
        "pseudonym" => MaskStyle.Pseudonym,
        var other => throw Error(node, $"unknown masking style \"{other}\" (known: redact, partial, pseudonym)"),
    };

    private static YamlMappingNode Map(YamlNode node, string what) => node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    private static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? throw Error(node, "expected a single value");

    private static List<string> Strings(YamlNode node) => node is YamlSequenceNode list
        ? [.. list.Select(Scalar)]
        : throw Error(node, "expected a list");

    private static bool Bool(YamlNode node) => Scalar(node) switch
    {
        "true" or "True" or "on" => true,
        "false" or "False" or "off" => false,
        var other => throw Error(node, $"expected true or false, not \"{other}\""),
    };

    private static int Int(YamlNode node) => int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : throw Error(node, "expected a positive whole number");

    private static MaskingConfigurationException Error(YamlNode node, string message)
        => new($"masking: {message}", (int)node.Start.Line, (int)node.Start.Column);
}
