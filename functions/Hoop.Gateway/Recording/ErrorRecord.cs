using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>A stage of the gateway that failed for a session (decide, approve, forward), journaled when it can be.</summary>
public sealed record ErrorRecord
{
    public required string SessionId { get; init; }

    /// <summary>The request it concerns, when there is one.</summary>
    public string? AuditId { get; init; }

    public required string Stage { get; init; }

    public required string Message { get; init; }

    /// <summary>The partition's session, written as its start when this is the partition's first record (refusals).</summary>
    public Session? Session { get; init; }
}
