namespace Hoop.Gateway.Recording;

/// <summary>What to export: one session, one user, a time window (on the request's receipt time); all optional.</summary>
public sealed record AuditExportQuery
{
    public string? SessionId { get; init; }

    public string? User { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    internal bool Matches(AuditEvent e)
        => (User is null || e.User == User) && (From is null || e.ReceivedAt >= From) && (To is null || e.ReceivedAt <= To);
}
