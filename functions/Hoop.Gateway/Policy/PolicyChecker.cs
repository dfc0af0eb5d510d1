using System.Globalization;

namespace Hoop.Gateway.Policy;

/// <summary>
/// The semantic checks that follow the schema: references resolve, rules say what RBAC can mean, and no rule is weaker
/// than it reads. Errors refuse the policy; warnings are printed by <c>hoop policy check</c> (docs/policy.md lists all).
/// </summary>
internal sealed partial class PolicyChecker(PolicyDocument document, YamlLocationMap map, List<PolicyProblem> problems)
{
    private static readonly HashSet<string> ReservedIds =
        [DecisionText.DefaultDenyRule, DecisionText.UnknownRoleRule, DecisionText.ConnectionNotAllowedRule];

    private static readonly HashSet<string> NonResourceOnlyVerbs = ["post", "put", "head", "options"];

    private static readonly HashSet<string> ResourceOnlyVerbs = ["list", "watch", "create", "update", "deletecollection", "proxy"];

    private static readonly HashSet<string> BodyVerbs = ["create", "update", "patch"];

    private static readonly HashSet<string> WriteVerbs = ["create", "update", "patch", "delete", "deletecollection", "*"];

    public static void Check(PolicyDocument document, YamlLocationMap map, List<PolicyProblem> problems) =>
        new PolicyChecker(document, map, problems).Run();

    private void Run()
    {
        foreach (var (name, connection) in document.Connections)
        {
            CheckConnection(name, connection);
        }

        foreach (var (name, role) in document.Roles)
        {
            var pointer = YamlLocationMap.Child("/roles", name);
            for (var i = 0; i < role.Connections.Count; i++)
            {
                if (!document.Connections.ContainsKey(role.Connections[i]))
                {
                    Error($"{pointer}/connections/{I(i)}", $"unknown connection '{role.Connections[i]}': declare it under 'connections:'");
                }
            }

            for (var i = 0; i < (role.SessionApprovers?.Count ?? 0); i++)
            {
                CheckApprovers(role.SessionApprovers![i], $"{pointer}/sessionApproval/approvers/{I(i)}");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < role.Rules.Count; i++)
            {
                var rule = role.Rules[i];
                var at = $"{pointer}/rules/{I(i)}";
                if (!ids.Add(rule.Id))
                {
                    Error(at + "/id", $"duplicate rule id '{rule.Id}' in role '{name}': decisions name rules by id");
                }

                if (ReservedIds.Contains(rule.Id))
                {
                    Error(at + "/id", $"rule id '{rule.Id}' is reserved for the gateway's own decisions");
                }

                CheckFields(rule, at);
            }

            CheckReach(name, role, pointer);
        }

        CheckNotifications();
    }

    private void CheckApprovers(string group, string at)
    {
        if (!document.Approvers.TryGetValue(group, out var spec) || spec.Groups.Count == 0)
        {
            Error(at, $"approvers group '{group}' maps to no one: declare it under 'approvers:' with the identity provider groups of its members");
        }
    }

    private void CheckConnection(string name, ConnectionSpec connection)
    {
        var at = YamlLocationMap.Child("/connections", name) + "/credential";
        var c = connection.Credential;
        var kinds = (c.KeyVaultSecret is null ? 0 : 1) + (c.KubeconfigFile is null ? 0 : 1) + (c.InCluster ? 1 : 0);
        if (kinds != 1)
        {
            Error(at, $"connection '{name}' needs exactly one credential: keyVaultSecret, kubeconfigFile or inCluster: true");
        }

        if (c.Context is not null && c.KubeconfigFile is null)
        {
            Error(at + "/context", "'context' applies only with 'kubeconfigFile'");
        }
    }

    private void CheckFields(PolicyRule rule, string at)
    {
        var kind = CompiledRule.KindOf(rule);
        if (rule.NonResourceURLs is not null && (rule.Resources ?? rule.ApiGroups ?? rule.ResourceNames ?? rule.Namespaces) is not null)
        {
            Error(at, $"rule '{rule.Id}' mixes nonResourceURLs with resource fields (apiGroups, resources, resourceNames, namespaces); RBAC does not allow it: split it in two");
        }

        for (var i = 0; i < (rule.Verbs?.Count ?? 0); i++)
        {
            var verb = rule.Verbs![i];
            if (kind == RuleKind.Resource && NonResourceOnlyVerbs.Contains(verb))
            {
                Error($"{at}/verbs/{I(i)}", $"verb '{verb}' only appears on non-resource requests; resource verbs are {string.Join(", ", VerbSet.ResourceVerbs)}");
            }
            else if (kind == RuleKind.NonResource && ResourceOnlyVerbs.Contains(verb))
            {
                Error($"{at}/verbs/{I(i)}", $"verb '{verb}' never appears on non-resource requests; their verbs are the lower-case HTTP methods ({string.Join(", ", VerbSet.NonResourceVerbs)})");
            }
        }

        CheckNames(rule.ApiGroups, $"{at}/apiGroups", "API group");
        for (var i = 0; i < (rule.Resources?.Count ?? 0); i++)
        {
            CheckResource(rule.Resources![i], $"{at}/resources/{I(i)}");
        }

        CheckNames(rule.Resources, $"{at}/resources", "resource");
        for (var i = 0; i < (rule.ResourceNames?.Count ?? 0); i++)
        {
            if (rule.ResourceNames![i].Contains('*', StringComparison.Ordinal))
            {
                Error($"{at}/resourceNames/{I(i)}", "'*' is not a wildcard in resourceNames (RBAC compares names exactly): omit resourceNames to match any name");
            }
        }

        for (var i = 0; i < (rule.NonResourceURLs?.Count ?? 0); i++)
        {
            var url = rule.NonResourceURLs![i];
            var star = url.IndexOf('*', StringComparison.Ordinal);
            if (url != "*" && (!url.StartsWith('/') || (star >= 0 && star != url.Length - 1)))
            {
                Error($"{at}/nonResourceURLs/{I(i)}", $"'{url}' is not a non-resource URL: write a path starting with '/', optionally ending in '*' (a prefix), or '*'");
            }
        }

        if (rule.Action != DecisionAction.Approve && rule.Approvers is not null)
        {
            Error(at + "/approvers", $"'approvers' applies only to approve rules; rule '{rule.Id}' is {Name(rule.Action)}");
        }

        if (rule.Action != DecisionAction.Approve && rule.Timeout is not null)
        {
            Error(at + "/timeout", $"'timeout' applies only to approve rules; rule '{rule.Id}' is {Name(rule.Action)}");
        }

        for (var i = 0; i < (rule.Approvers?.Count ?? 0); i++)
        {
            CheckApprovers(rule.Approvers![i], $"{at}/approvers/{I(i)}");
        }

        if (rule.BodyMatches is not null && (kind != RuleKind.Resource || rule.Verbs is null || !rule.Verbs.All(BodyVerbs.Contains)))
        {
            Error(at + "/bodyMatches", "'bodyMatches' needs a resource rule whose verbs are only create, update or patch (the requests that carry an object)");
        }

        if (rule.DryRun is not null && rule.Verbs is not null && !rule.Verbs.Any(WriteVerbs.Contains))
        {
            Error(at + "/dryRun", $"'dryRun' has no effect: rule '{rule.Id}' has no write verb (create, update, patch, delete, deletecollection)");
        }
    }

    private void CheckResource(string resource, string at)
    {
        if (resource == "*")
        {
            return;
        }

        var parts = resource.Split('/');
        if (parts.Length == 2 && parts[0] != "*" && parts[1] == "*")
        {
            Error(at, $"'{resource}' matches nothing: in RBAC only '*' and '*/subresource' are wildcards; list the subresources ({parts[0]}/exec, {parts[0]}/log, ...) or use '*'");
        }
        else if (parts.Length > 2 || parts.Any(p => p.Length == 0) || parts.Skip(1).Any(p => p.Contains('*', StringComparison.Ordinal))
            || (parts[0].Contains('*', StringComparison.Ordinal) && parts[0] != "*") || (parts.Length == 1 && parts[0] == "*"))
        {
            Error(at, $"'{resource}' is not an RBAC resource: write 'resource', 'resource/subresource', '*/subresource' or '*'");
        }
    }

    private void CheckNames(IReadOnlyList<string>? names, string at, string what)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (names![i].Any(char.IsUpper))
            {
                Error($"{at}/{I(i)}", $"{what} '{names[i]}' has upper-case letters; Kubernetes {what} names are lower case: '{names[i].ToLowerInvariant()}'");
            }
        }
    }

    private void Error(string pointer, string message) => Add(PolicyProblemSeverity.Error, pointer, message);

    private void Warning(string pointer, string message) => Add(PolicyProblemSeverity.Warning, pointer, message);

    private void Add(PolicyProblemSeverity severity, string pointer, string message)
    {
        var at = map.Find(pointer);
        problems.Add(new PolicyProblem(severity, at.Line, at.Column, at.Path, message));
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Name(DecisionAction action) => action switch
    {
        DecisionAction.Allow => "allow",
        DecisionAction.Block => "block",
        _ => "approve",
    };
}
