using System.Globalization;
using Hoop.Gateway.Recording;
using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// Session events in the audit journal: a session's start (with the person's reason) and early end in the session's own
/// chain; every refused sign-in or token as an <c>Error</c> record (stage <c>authenticate</c>) in a per-day partition
/// <c>refusals-YYYYMMDD</c>, which starts like a session of the pseudo-user <see cref="RefusalsUser"/> — refusals mostly
/// have no session, and those that do may follow its end. Never the token or assertion itself.
/// </summary>
internal sealed partial class JournalSessionAudit(IAuditJournal journal, ILogger<JournalSessionAudit> logger) : ISessionAudit
{
    /// <summary>The pseudo-user of the refusal partitions.</summary>
    public const string RefusalsUser = "hoop:refusals";

    /// <summary>The refusal partition of <paramref name="day"/>.</summary>
    public static string RefusalPartition(DateTimeOffset day) => "refusals-" + day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The pseudo-session that starts the refusal partition of <paramref name="at"/>'s day (it "expires" at the day's end).</summary>
    public static Session RefusalSession(DateTimeOffset at)
    {
        var partition = RefusalPartition(at);
        return new Session(partition, RefusalsUser, [], "", "", new DateTimeOffset(at.UtcDateTime.Date.AddDays(1), TimeSpan.Zero));
    }

    public ValueTask SessionStartedAsync(Session session, string reason, CancellationToken cancellationToken = default)
        => journal.RecordSessionStartedAsync(session, reason, cancellationToken);

    public ValueTask SessionEndedAsync(Session session, string endedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return journal.RecordSessionEndedAsync(session.Id, "ended early by " + endedBy, cancellationToken);
    }

    public async ValueTask RefusedAsync(AccessRefusal refusal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var partition = RefusalPartition(refusal.At);
        var message = $"{refusal.StatusCode} on {refusal.Route}: {refusal.Reason}"
            + (refusal.SessionId is { } id ? $" (session {id})" : "")
            + (refusal.User is { } user ? $" (user {user})" : "")
            + (refusal.RemoteAddress is { } remote ? $" (from {remote})" : "");
        try
        {
            await journal.RecordErrorAsync(
                new ErrorRecord
                {
                    SessionId = partition,
                    Stage = "authenticate",
                    Message = message,
                    Session = RefusalSession(refusal.At),
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller is refused either way; a refusal the journal could not take is still in the log.
            Log.NotJournaled(logger, refusal.Route, refusal.StatusCode, refusal.Reason, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "A refusal on {Route} ({StatusCode}: {Reason}) could not be journaled")]
        public static partial void NotJournaled(ILogger logger, string route, int statusCode, string reason, Exception exception);
    }
}
