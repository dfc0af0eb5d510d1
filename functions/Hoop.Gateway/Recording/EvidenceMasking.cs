namespace Hoop.Gateway.Recording;

/// <summary>Masking activity of the period: counts only, never values.</summary>
public sealed record EvidenceMasking
{
    /// <summary>Responses the masker changed (<c>Response.Masked</c>).</summary>
    public required int MaskedResponses { get; init; }

    /// <summary>Responses in the period.</summary>
    public required int Responses { get; init; }

    /// <summary>Counts by masking rule; empty while the journal records no rule per masking (see the report's notes).</summary>
    public required IReadOnlyList<EvidenceRuleCount> ByRule { get; init; }
}
