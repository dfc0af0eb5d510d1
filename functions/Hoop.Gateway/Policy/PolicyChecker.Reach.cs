using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Policy;

/// <summary>The checks that need the rules in order: dead rules, and what each rule really reaches (judged with sample
/// requests through the compiled role, exactly as the evaluator would judge them).</summary>
internal sealed partial class PolicyChecker
{
    private void CheckReach(string roleName, RoleSpec role, string pointer)
    {
        for (var i = 1; i < role.Rules.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (RuleCoverage.Covers(role.Rules[j], role.Rules[i]))
                {
                    var earlier = role.Rules[j];
                    Error(
                        $"{pointer}/rules/{I(i)}",
                        RuleCoverage.IsCatchAll(earlier)
                            ? $"rule '{role.Rules[i].Id}' is unreachable after the catch-all rule '{earlier.Id}' (line {earlier.Line}); first match wins: move it above, or remove it"
                            : $"rule '{role.Rules[i].Id}' can never match: rule '{earlier.Id}' (line {earlier.Line}) above it matches every request it matches; first match wins: move it above, or remove it");
                    break;
                }
            }
        }

        var compiled = new CompiledRole(role);
        for (var i = 0; i < role.Rules.Count; i++)
        {
            var rule = role.Rules[i];
            var at = $"{pointer}/rules/{I(i)}";
            switch (rule.Action)
            {
                case DecisionAction.Approve:
                    CheckApprovedStreams(compiled, i, at);
                    break;
                case DecisionAction.Allow:
                    CheckBroadAllow(compiled, i, at);
                    break;
                default:
                    break;
            }

            if (rule.Action != DecisionAction.Allow && rule.ResourceNames is not null)
            {
                CheckNamedEscapes(compiled, rule, at);
            }

            if (rule.Action == DecisionAction.Block && rule.Namespaces is not null)
            {
                CheckClusterWideTwin(roleName, compiled, rule, at);
            }
        }
    }

    private void CheckApprovedStreams(CompiledRole role, int index, string at)
    {
        var rule = role.Rules[index].Rule;
        var reached = Reached(role, index, RuleWitness.InteractiveStreams);
        if (reached.Count == 0)
        {
            return;
        }

        var targets = string.Join(", ", reached.Select(w => w.Target).Distinct());
        Error(at, reached.Any(w => w.IsNamedBy(rule))
            ? $"approve can never apply to {targets}: the gateway never carries interactive streams (exec, attach, port-forward), so they cannot be approved; block them instead"
            : $"approve rule '{rule.Id}' reaches {targets} through a wildcard, but the gateway never carries interactive streams, so they cannot be approved; put a rule that blocks them above it");
    }

    private void CheckBroadAllow(CompiledRole role, int index, string at)
    {
        var rule = role.Rules[index].Rule;
        var reached = Reached(role, index, RuleWitness.Dangerous).Where(w => !w.IsNamedBy(rule)).ToList();
        if (reached.Count > 0)
        {
            var targets = reached.GroupBy(w => w.Target).Select(g => $"{g.Key} ({string.Join(", ", g.Select(w => w.Verb))})");
            Warning(at, $"allow rule '{rule.Id}' also allows {string.Join(", ", targets)} "
                + "(through a wildcard or an absent field): put a rule that blocks them above it, or narrow the rule");
        }
    }

    private void CheckNamedEscapes(CompiledRole role, PolicyRule rule, string at)
    {
        var verbs = VerbSet.Mask(rule.Verbs);
        var escapes = new List<string>();
        foreach (var resource in PlainResources(rule))
        {
            var group = FirstGroup(rule);
            foreach (var (verb, asks) in new[] { ("list", "get"), ("list", "list"), ("list", "watch"), ("deletecollection", "delete"), ("create", "create") })
            {
                if ((verbs & VerbSet.Bit(asks)) == 0)
                {
                    continue;
                }

                var info = new RequestInfo
                {
                    IsResourceRequest = true,
                    Verb = verb,
                    ApiGroup = group,
                    Namespace = rule.Namespaces?[0] ?? "default",
                    Resource = resource,
                };
                if (Judge(role, info) is { Action: DecisionAction.Allow } decision)
                {
                    escapes.Add($"{verb} {resource} (allowed by rule '{decision.Rule}')");
                }
            }
        }

        if (escapes.Count > 0)
        {
            Warning(at, $"rule '{rule.Id}' names objects with resourceNames, but RBAC never matches names against create, deletecollection, "
                + $"or a list or watch of the whole collection, so the objects stay reachable: {string.Join(", ", escapes.Distinct())}; "
                + "add a rule without resourceNames for those verbs");
        }
    }

    private void CheckClusterWideTwin(string roleName, CompiledRole role, PolicyRule rule, string at)
    {
        var verbs = VerbSet.Mask(rule.Verbs);
        var escapes = new List<string>();
        foreach (var resource in PlainResources(rule, wildcardAs: "secrets"))
        {
            foreach (var verb in new[] { "list", "watch" })
            {
                if ((verbs & VerbSet.Bit(verb)) == 0)
                {
                    continue;
                }

                var info = new RequestInfo { IsResourceRequest = true, Verb = verb, ApiGroup = FirstGroup(rule), Resource = resource };
                if (Judge(role, info) is { Action: DecisionAction.Allow } decision)
                {
                    escapes.Add($"{verb} {resource} in all namespaces (allowed by rule '{decision.Rule}')");
                }
            }
        }

        if (escapes.Count > 0)
        {
            Warning(at, $"block rule '{rule.Id}' is limited to namespaces [{string.Join(", ", rule.Namespaces!)}], and a namespaced rule never matches an "
                + $"all-namespaces request, which returns those namespaces' objects too: {string.Join(", ", escapes)}; "
                + $"add a cluster-wide rule that blocks it in role '{roleName}'");
        }
    }

    /// <summary>The witnesses that rule <paramref name="index"/> matches and decides (no earlier rule takes them).</summary>
    private static List<RuleWitness> Reached(CompiledRole role, int index, IReadOnlyList<RuleWitness> witnesses)
    {
        var rule = role.Rules[index];
        var reached = new List<RuleWitness>();
        foreach (var witness in witnesses)
        {
            var view = new RequestView(witness.For(rule.Rule), witness.Verb);
            if (rule.Matches(view, body: null) && ReferenceEquals(role.FirstMatch(view, body: null), rule))
            {
                reached.Add(witness);
            }
        }

        return reached;
    }

    private static Decision Judge(CompiledRole role, RequestInfo info) =>
        role.FirstMatch(new RequestView(info, info.Verb), body: null)?.Decision ?? role.DefaultDeny;

    private static IEnumerable<string> PlainResources(PolicyRule rule, string? wildcardAs = null) =>
        rule.Resources is null || rule.Resources.Contains("*")
            ? wildcardAs is null ? [] : [wildcardAs]
            : rule.Resources.Where(r => !r.Contains('/', StringComparison.Ordinal));

    private static string FirstGroup(PolicyRule rule) =>
        rule.ApiGroups is { Count: > 0 } groups && groups[0] != "*" ? groups[0] : "";
}
