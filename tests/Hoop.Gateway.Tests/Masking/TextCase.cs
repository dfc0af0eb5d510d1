namespace Hoop.Gateway.Tests.Masking;

/// <summary>One row of a masking table: the input, what it must become, and why.</summary>
public sealed record TextCase
{
    public required string Rule { get; init; }

    public required string Name { get; init; }

    public required string Input { get; init; }

    /// <summary>The expected output; for hard negatives, the input itself.</summary>
    public required string Expected { get; init; }

    public override string ToString() => $"{Rule}: {Name}";
}
