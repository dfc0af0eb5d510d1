namespace Hoop.Gateway.Masking;

/// <summary>A policy-defined pattern (run with <c>RegexOptions.NonBacktracking</c> and a match timeout).</summary>
public sealed record CustomPattern
{
    /// <summary>A name for messages and docs.</summary>
    public required string Name { get; init; }

    /// <summary>The regular expression (.NET syntax, no backreferences or lookarounds).</summary>
    public required string Pattern { get; init; }

    /// <summary>When set, the pattern runs only on values that contain one of these (case-insensitive): the cheap prefilter.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The capture group to mask (0, the default, masks the whole match).</summary>
    public int Group { get; init; }

    /// <summary>How a match is written (<see cref="MaskStyle.Partial"/> keeps the last four characters).</summary>
    public MaskStyle Style { get; init; } = MaskStyle.Redact;
}
