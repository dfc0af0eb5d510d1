namespace Hoop.Gateway.Recording;

/// <summary>A count for one rule.</summary>
public sealed record EvidenceRuleCount(string Rule, int Count);
