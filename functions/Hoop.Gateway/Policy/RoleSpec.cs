using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>A role: who gets it, where it may connect, for how long, and its ordered rules.</summary>
public sealed record RoleSpec
{
    public required string Name { get; init; }

    /// <summary>Identity provider groups (ids or names) whose members may start sessions under this role.</summary>
    public required IReadOnlyList<string> Groups { get; init; }

    /// <summary>Connections a session of this role may use.</summary>
    public required IReadOnlyList<string> Connections { get; init; }

    /// <summary>Longest session this role may start.</summary>
    public required TimeSpan MaxSession { get; init; }

    /// <summary>The <c>sessionApproval</c> section as written (typed by the approvals feature), or <see langword="null"/>.</summary>
    public YamlMappingNode? SessionApproval { get; init; }

    /// <summary>The <c>sessionApproval.approvers</c> groups: starting a session needs one of them to approve; null when the role needs no approval.</summary>
    public IReadOnlyList<string>? SessionApprovers { get; init; }

    /// <summary>The <c>sessionApproval.timeout</c>: how long a session approval waits (null: the gateway's default).</summary>
    public TimeSpan? SessionApprovalTimeout { get; init; }

    /// <summary>Rules in order: the first that matches decides; no match blocks.</summary>
    public required IReadOnlyList<PolicyRule> Rules { get; init; }
}
