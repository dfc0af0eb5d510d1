namespace Hoop.Gateway.Recording;

/// <summary>One session of the period: who, role, connection, start, end, how it ended, and whether its chain verified.</summary>
public sealed record EvidenceSession
{
    public required string Id { get; init; }

    public required string User { get; init; }

    public required string Role { get; init; }

    public required string Connection { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Ended { get; init; }

    /// <summary>The <c>SessionEnded</c> reason, or null while the session is open (or its end is missing).</summary>
    public string? EndReason { get; init; }

    public required int Requests { get; init; }

    public required bool Verified { get; init; }

    /// <summary>The verification problem codes of this session (empty when verified).</summary>
    public required IReadOnlyList<string> Problems { get; init; }
}
