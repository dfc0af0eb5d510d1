namespace Hoop.Gateway.Identity;

/// <summary>A person's right to start a session under a role on a connection, as the group → role mapping gave it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Connection">The connection.</param>
/// <param name="Groups">The groups forwarded to the cluster: the person's groups that the role lists (never <c>system:*</c>).</param>
/// <param name="MaxSession">The role's longest session.</param>
public sealed record RoleGrant(string Role, string Connection, IReadOnlyList<string> Groups, TimeSpan MaxSession);
