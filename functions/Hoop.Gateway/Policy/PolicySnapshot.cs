namespace Hoop.Gateway.Policy;

/// <summary>One loaded policy and its place in the reload sequence (swapped as a whole, never mutated).</summary>
internal sealed record PolicySnapshot(PolicyDocument Document, long Version, string Text);
