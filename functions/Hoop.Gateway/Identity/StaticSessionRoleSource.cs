namespace Hoop.Gateway.Identity;

/// <summary>A fixed set of roles (tests, and hosts without a policy source).</summary>
public sealed class StaticSessionRoleSource(IEnumerable<SessionRole> roles) : ISessionRoleSource
{
    public IReadOnlyList<SessionRole> Roles { get; } = [.. roles];
}
