namespace Hoop.Gateway.Policy;

/// <summary>Who may export, verify, replay and read evidence.</summary>
public sealed record AuditorsSpec
{
    /// <summary>Identity provider groups (ids or names) of auditors.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}
