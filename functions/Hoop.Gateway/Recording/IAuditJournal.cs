namespace Hoop.Gateway.Recording;

/// <summary>The record stage: the journal that every decision and response is written to.</summary>
/// <remarks>
/// The request record is written before the request is forwarded; if that write throws, the pipeline answers 503 and
/// forwards nothing (fail closed).
/// </remarks>
public interface IAuditJournal
{
    ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default);

    ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default);
}
