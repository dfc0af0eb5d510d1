namespace Hoop.Gateway.Identity;

/// <summary>
/// The group → role mapping: a person may start a session for a role only if one of their groups is among the role's
/// groups and the role lists the connection. Groups reach the cluster only through this mapping — the forwarded groups
/// are the person's groups the role names — and <c>system:*</c> groups never do.
/// </summary>
public static class RoleMapping
{
    /// <summary>The grant, or the reason there is none (a 403 message).</summary>
    public static (RoleGrant? Grant, string? Refusal) Resolve(SignedInPerson person, ISessionRoleSource roles, string role, string connection)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(roles);
        var spec = roles.Roles.FirstOrDefault(r => string.Equals(r.Name, role, StringComparison.Ordinal));
        if (spec is null)
        {
            return (null, $"there is no role \"{role}\"{Available(person, roles)}");
        }

        var groups = person.Groups
            .Where(g => !GroupClaims.IsSystem(g) && spec.Groups.Contains(g, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0)
        {
            return (null, $"none of your groups maps to role \"{role}\"{Available(person, roles)}");
        }

        if (!spec.Connections.Contains(connection, StringComparer.Ordinal))
        {
            return (null, $"role \"{role}\" may not use connection \"{connection}\" (it may use: {string.Join(", ", spec.Connections)})");
        }

        return (new RoleGrant(spec.Name, connection, groups, spec.MaxSession), null);
    }

    /// <summary>The roles <paramref name="person"/> may start, by connection.</summary>
    public static IEnumerable<SessionRole> For(SignedInPerson person, ISessionRoleSource roles)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Roles.Where(r => r.Groups.Any(g => !GroupClaims.IsSystem(g) && person.Groups.Contains(g, StringComparer.Ordinal)));
    }

    private static string Available(SignedInPerson person, ISessionRoleSource roles)
    {
        var mine = For(person, roles).Select(r => r.Name).ToList();
        return mine.Count == 0 ? " (your groups map to no role)" : $" (your roles: {string.Join(", ", mine)})";
    }
}
