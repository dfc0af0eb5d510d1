namespace Hoop.Gateway.Recording;

/// <summary>A gateway error or a fail-closed refusal in the period.</summary>
public sealed record EvidenceError(string SessionId, DateTimeOffset? Time, string Kind, string Stage, string Message, int? Status);
