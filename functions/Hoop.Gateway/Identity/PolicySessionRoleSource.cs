using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Identity;

/// <summary>The roles of the policy in force (hot-reloaded): groups, connections and maxSession of each.</summary>
internal sealed class PolicySessionRoleSource(IPolicySource policy) : ISessionRoleSource
{
    public IReadOnlyList<SessionRole> Roles
        => [.. policy.Current.Roles.Values.Select(r => new SessionRole(r.Name, r.Groups, r.Connections, r.MaxSession) { SessionApprovers = r.SessionApprovers, SessionApprovalTimeout = r.SessionApprovalTimeout })];
}
