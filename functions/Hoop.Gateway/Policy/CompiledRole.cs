using System.Collections.Frozen;

namespace Hoop.Gateway.Policy;

/// <summary>A role's rules compiled in order, with its default-deny decision built once.</summary>
internal sealed class CompiledRole
{
    public CompiledRole(RoleSpec role)
    {
        Spec = role;
        Rules = [.. role.Rules.Select(r => new CompiledRule(r, role.Name))];
        Connections = role.Connections.ToFrozenSet(StringComparer.Ordinal);
        DefaultDeny = DecisionText.DefaultDeny(role.Name);
    }

    public RoleSpec Spec { get; }

    public CompiledRule[] Rules { get; }

    public FrozenSet<string> Connections { get; }

    public Decision DefaultDeny { get; }

    /// <summary>The first rule that matches <paramref name="request"/>, or <see langword="null"/>.</summary>
    public CompiledRule? FirstMatch(in RequestView request, RequestBody? body)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(request, body))
            {
                return rule;
            }
        }

        return null;
    }
}
