namespace Hoop.Gateway.Identity;

/// <summary>The roles of the policy in force (read once per session start).</summary>
public interface ISessionRoleSource
{
    /// <summary>Every role.</summary>
    IReadOnlyList<SessionRole> Roles { get; }
}
