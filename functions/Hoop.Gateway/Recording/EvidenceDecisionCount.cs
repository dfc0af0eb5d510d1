namespace Hoop.Gateway.Recording;

/// <summary>How many requests of the period one rule decided one way.</summary>
public sealed record EvidenceDecisionCount(string Rule, string Decision, int Count);
