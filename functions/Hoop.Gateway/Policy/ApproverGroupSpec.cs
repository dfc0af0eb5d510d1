namespace Hoop.Gateway.Policy;

/// <summary>A named group of people who may approve requests, mapped to identity provider groups.</summary>
public sealed record ApproverGroupSpec
{
    public required string Name { get; init; }

    /// <summary>Identity provider groups (ids or names) whose members are approvers.</summary>
    public required IReadOnlyList<string> Groups { get; init; }
}
