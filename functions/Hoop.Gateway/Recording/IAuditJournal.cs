using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>The record stage: the journal that every decision and response is written to.</summary>
/// <remarks>
/// The request record is written before the request is forwarded; if that write throws, the pipeline answers 503 and
/// forwards nothing (fail closed). Response records are written off the hot path, in order after the response's body
/// segments. docs/recording.md describes the records.
/// </remarks>
public interface IAuditJournal
{
    /// <summary>Journals the request with its decision; returns once it is durably written.</summary>
    ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default);

    /// <summary>Opens a recorder for the response of a journaled request (call after <see cref="RecordRequestAsync"/>).</summary>
    ValueTask<IResponseBodyRecorder?> OpenResponseBodyAsync(string sessionId, string auditId, CancellationToken cancellationToken = default);

    /// <summary>Journals the response; may return before the write completes (a failed write is logged and shows in verify).</summary>
    ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default);

    /// <summary>Journals the start of a session (who, role, connection, expiry).</summary>
    ValueTask RecordSessionStartedAsync(Session session, CancellationToken cancellationToken = default);

    /// <summary>Journals the start of a session with the reason the person gave for it.</summary>
    ValueTask RecordSessionStartedAsync(Session session, string reason, CancellationToken cancellationToken = default)
        => RecordSessionStartedAsync(session, cancellationToken);

    /// <summary>Journals the end of a session: its last record, whose chain value is the session's head.</summary>
    ValueTask RecordSessionEndedAsync(string sessionId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Journals one step of an approval.</summary>
    ValueTask RecordApprovalAsync(ApprovalRecord record, CancellationToken cancellationToken = default);

    /// <summary>Journals a failed stage.</summary>
    ValueTask RecordErrorAsync(ErrorRecord record, CancellationToken cancellationToken = default);
}
