using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Approvals;

/// <summary>Reads an approve rule's approvers and timeout from the policy.</summary>
internal static class ApprovalRules
{
    /// <summary>The identity provider groups of the rule's approvers (empty when the rule names none: nobody can approve).</summary>
    public static IReadOnlyList<string> ApproverGroups(PolicyDocument policy, string role, string? ruleId)
    {
        var rule = Find(policy, role, ruleId);
        return rule?.Approvers is null
            ? []
            : [.. rule.Approvers.Where(policy.Approvers.ContainsKey).SelectMany(name => policy.Approvers[name].Groups).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The rule's approvers as named under the policy's <c>approvers:</c> (empty when it names none).</summary>
    public static IReadOnlyList<string> ApproverNames(PolicyDocument policy, string role, string? ruleId)
        => Find(policy, role, ruleId)?.Approvers is { } names ? [.. names.Distinct(StringComparer.Ordinal)] : [];

    public static TimeSpan? Timeout(PolicyDocument policy, string role, string? ruleId) => Find(policy, role, ruleId)?.Timeout;

    private static PolicyRule? Find(PolicyDocument policy, string role, string? ruleId)
        => policy.Roles.TryGetValue(role, out var spec) ? spec.Rules.FirstOrDefault(r => r.Id == ruleId) : null;
}
