namespace Hoop.Gateway.Recording;

/// <summary>The outcome of verifying the journal (or part of it).</summary>
public sealed record VerificationReport
{
    public required int Sessions { get; init; }

    public required long Records { get; init; }

    /// <summary>Integrity problems, in journal order (the first of a session is its first broken place).</summary>
    public required IReadOnlyList<VerificationFinding> Problems { get; init; }

    /// <summary>Observations that are not integrity problems (open sessions, requests without responses).</summary>
    public required IReadOnlyList<VerificationFinding> Notes { get; init; }

    public bool Verified => Problems.Count == 0;
}
