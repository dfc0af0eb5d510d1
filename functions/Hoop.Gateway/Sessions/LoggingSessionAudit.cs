using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Sessions;

/// <summary>Writes session events as structured log lines (never a token); the fallback when no journal is wired.</summary>
internal sealed partial class LoggingSessionAudit(ILogger<LoggingSessionAudit> logger) : ISessionAudit
{
    public ValueTask SessionStartedAsync(Session session, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        Log.Started(logger, session.Id, session.User, session.Role, session.Connection, session.ExpiresAt, reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionEndedAsync(Session session, string endedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        Log.Ended(logger, session.Id, endedBy);
        return ValueTask.CompletedTask;
    }

    public ValueTask RefusedAsync(AccessRefusal refusal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Log.Refused(logger, refusal.Route, refusal.StatusCode, refusal.Reason, refusal.SessionId ?? "", refusal.User ?? "");
        return ValueTask.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Session {SessionId} started for {User} as {Role} on {Connection} until {ExpiresAt:O}: {Reason}")]
        public static partial void Started(ILogger logger, string sessionId, string user, string role, string connection, DateTimeOffset expiresAt, string reason);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Session {SessionId} ended by {EndedBy}")]
        public static partial void Ended(ILogger logger, string sessionId, string endedBy);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Refused on {Route} with {StatusCode}: {Reason} (session {SessionId}, user {User})")]
        public static partial void Refused(ILogger logger, string route, int statusCode, string reason, string sessionId, string user);
    }
}
