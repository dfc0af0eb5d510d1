namespace Hoop.Compliance;

/// <summary>A NIST SP 800-171 r2 requirement and the SP 800-53 controls of the map that carry it.</summary>
internal sealed record Requirement
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";
}
