namespace Hoop.Gateway.Recording;

/// <summary>
/// The evidence report for a period (issue 9): sessions, access decisions by rule, approvals, masking counts (never
/// values), gateway errors and the chain verification of every session, all built from the journal.
/// </summary>
/// <remarks>The JSON shape is published as docs/compliance/evidence-report.schema.json; change it only additively.</remarks>
public sealed record EvidenceReport
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>True when every session of the period verified (no chain problem anywhere).</summary>
    public required bool Verified { get; init; }

    /// <summary>Configured bounds in force when the report was made (name → value), e.g. stream bounds, timeouts.</summary>
    public required IReadOnlyDictionary<string, string> Configuration { get; init; }

    public required IReadOnlyList<EvidenceSession> Sessions { get; init; }

    /// <summary>Requests in the period by rule and decision (allow / block / approve).</summary>
    public required IReadOnlyList<EvidenceDecisionCount> Decisions { get; init; }

    /// <summary>Requests in the period per UTC day and decision, for the chart.</summary>
    public required IReadOnlyList<EvidenceDayCount> DecisionsPerDay { get; init; }

    public required IReadOnlyList<EvidenceApproval> Approvals { get; init; }

    public required EvidenceMasking Masking { get; init; }

    /// <summary>Gateway errors (<c>Error</c> records) and refusals where the gateway failed closed (5xx responses).</summary>
    public required IReadOnlyList<EvidenceError> Errors { get; init; }

    /// <summary>Verification problems of the period (any session, including ones deleted whole).</summary>
    public required IReadOnlyList<VerificationFinding> Problems { get; init; }
}
