using System.Globalization;
using System.Text.Json;
using Hoop.Gateway.Masking;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>Builds the <see cref="PolicyDocument"/> from the schema-valid JSON form of the policy.</summary>
internal static class PolicyBinder
{
    public static PolicyDocument Bind(JsonElement root, YamlMappingNode yaml, YamlLocationMap map, string sourceName, List<PolicyProblem> problems)
    {
        var connections = new Dictionary<string, ConnectionSpec>(StringComparer.Ordinal);
        foreach (var (name, value) in Entries(root, "connections"))
        {
            connections[name] = BindConnection(name, value);
        }

        var approvers = new Dictionary<string, ApproverGroupSpec>(StringComparer.Ordinal);
        foreach (var (name, value) in Entries(root, "approvers"))
        {
            approvers[name] = new ApproverGroupSpec { Name = name, Groups = Strings(value, "groups") ?? [] };
        }

        var roles = new Dictionary<string, RoleSpec>(StringComparer.Ordinal);
        foreach (var (name, value) in Entries(root, "roles"))
        {
            roles[name] = BindRole(name, value, Section(Section(Section(yaml, "roles"), name), "sessionApproval"), map, problems);
        }

        return new PolicyDocument
        {
            SourceName = sourceName,
            Connections = connections,
            Roles = roles,
            Approvers = approvers,
            Auditors = new AuditorsSpec
            {
                Groups = root.TryGetProperty("auditors", out var auditors) ? Strings(auditors, "groups") ?? [] : [],
            },
            Masking = Section(yaml, "masking"),
            MaskingOptions = BindMasking(Section(yaml, "masking"), problems),
            Approvals = Section(yaml, "approvals"),
        };
    }

    /// <summary>The masking section, typed and checked (custom patterns compiled) so a bad one refuses the policy.</summary>
    private static MaskingOptions BindMasking(YamlMappingNode? section, List<PolicyProblem> problems)
    {
        try
        {
            return MaskingOptionsReader.Read(section);
        }
        catch (MaskingConfigurationException ex)
        {
            problems.Add(new PolicyProblem(PolicyProblemSeverity.Error, ex.Line, ex.Column, "masking", ex.Message));
            return MaskingOptions.Default;
        }
    }

    private static ConnectionSpec BindConnection(string name, JsonElement value)
    {
        var credential = value.GetProperty("credential");
        return new ConnectionSpec
        {
            Name = name,
            Server = String(value, "server") is { } server ? new Uri(server, UriKind.Absolute) : null,
            Credential = new ConnectionCredential
            {
                KeyVaultSecret = String(credential, "keyVaultSecret"),
                KubeconfigFile = String(credential, "kubeconfigFile"),
                Context = String(credential, "context"),
                InCluster = credential.TryGetProperty("inCluster", out var inCluster) && inCluster.ValueKind == JsonValueKind.True,
            },
            Identity = String(value, "identity") switch
            {
                "serviceAccountToken" => ConnectionIdentity.ServiceAccountToken,
                "gateway" => ConnectionIdentity.Gateway,
                _ => ConnectionIdentity.Impersonate,
            },
        };
    }

    private static RoleSpec BindRole(string name, JsonElement value, YamlMappingNode? sessionApproval, YamlLocationMap map, List<PolicyProblem> problems)
    {
        var pointer = YamlLocationMap.Child("/roles", name);
        var rules = new List<PolicyRule>();
        var index = 0;
        foreach (var rule in value.GetProperty("rules").EnumerateArray())
        {
            var at = map.Find($"{pointer}/rules/{index.ToString(CultureInfo.InvariantCulture)}");
            rules.Add(BindRule(rule, at, $"{pointer}/rules/{index.ToString(CultureInfo.InvariantCulture)}", map, problems));
            index++;
        }

        return new RoleSpec
        {
            Name = name,
            Groups = Strings(value, "groups") ?? [],
            Connections = Strings(value, "connections") ?? [],
            MaxSession = Duration(value, "maxSession", $"{pointer}/maxSession", map, problems) ?? TimeSpan.Zero,
            SessionApproval = sessionApproval,
            SessionApprovers = value.TryGetProperty("sessionApproval", out var approval) ? Strings(approval, "approvers") : null,
            SessionApprovalTimeout = value.TryGetProperty("sessionApproval", out var timed) ? Duration(timed, "timeout", $"{pointer}/sessionApproval/timeout", map, problems) : null,
            Rules = rules,
        };
    }

    private static PolicyRule BindRule(JsonElement rule, YamlLocation at, string pointer, YamlLocationMap map, List<PolicyProblem> problems) => new()
    {
        Id = String(rule, "id")!,
        Verbs = Strings(rule, "verbs"),
        ApiGroups = Strings(rule, "apiGroups"),
        Resources = Strings(rule, "resources"),
        ResourceNames = Strings(rule, "resourceNames"),
        Namespaces = Strings(rule, "namespaces"),
        NonResourceURLs = Strings(rule, "nonResourceURLs"),
        BodyMatches = rule.TryGetProperty("bodyMatches", out var body)
            ? body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : null,
        Action = Action(String(rule, "action")) ?? DecisionAction.Block,
        Message = String(rule, "message"),
        Approvers = Strings(rule, "approvers"),
        Timeout = Duration(rule, "timeout", pointer + "/timeout", map, problems),
        DryRun = Action(String(rule, "dryRun")),
        Line = at.Line,
        Column = at.Column,
    };

    private static DecisionAction? Action(string? text) => text switch
    {
        "allow" => DecisionAction.Allow,
        "block" => DecisionAction.Block,
        "approve" => DecisionAction.Approve,
        _ => null,
    };

    private static TimeSpan? Duration(JsonElement obj, string name, string pointer, YamlLocationMap map, List<PolicyProblem> problems)
    {
        if (String(obj, name) is not { } text)
        {
            return null;
        }

        if (PolicyDuration.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        var at = map.Find(pointer);
        problems.Add(new PolicyProblem(PolicyProblemSeverity.Error, at.Line, at.Column, at.Path, $"'{text}' is not a positive duration (such as 90s, 15m, 1h or 1h30m)"));
        return null;
    }

    private static IEnumerable<(string Name, JsonElement Value)> Entries(JsonElement root, string section) =>
        root.TryGetProperty(section, out var obj) && obj.ValueKind == JsonValueKind.Object
            ? obj.EnumerateObject().Select(p => (p.Name, p.Value))
            : [];

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? Strings(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? "")]
            : null;

    private static YamlMappingNode? Section(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;
}
