namespace Hoop.Gateway.Identity;

/// <summary>What the policy says about a role, as far as starting sessions goes.</summary>
/// <param name="Name">The role's name.</param>
/// <param name="Groups">Identity provider groups whose members may start sessions under it.</param>
/// <param name="Connections">Connections its sessions may use.</param>
/// <param name="MaxSession">The longest session it may start.</param>
public sealed record SessionRole(string Name, IReadOnlyList<string> Groups, IReadOnlyList<string> Connections, TimeSpan MaxSession)
{
    /// <summary>The role's <c>sessionApproval</c> approver groups: starting a session needs an approval; null when it does not.</summary>
    public IReadOnlyList<string>? SessionApprovers { get; init; }

    /// <summary>The role's <c>sessionApproval.timeout</c>; null for the gateway's default approval timeout.</summary>
    public TimeSpan? SessionApprovalTimeout { get; init; }
}
