namespace Hoop.Gateway.Recording;

/// <summary>Something <c>hoop audit verify</c> found in one session's chain.</summary>
/// <param name="SessionId">The session (journal partition).</param>
/// <param name="Sequence">The record it concerns, when one.</param>
/// <param name="Code">A stable code (<see cref="VerificationCodes"/>).</param>
/// <param name="Message">What was found, for people.</param>
public sealed record VerificationFinding(string SessionId, long? Sequence, string Code, string Message);
