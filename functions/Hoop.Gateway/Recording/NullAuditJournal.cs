namespace Hoop.Gateway.Recording;

/// <summary>The record stage before the Table Storage journal lands: records nothing.</summary>
internal sealed class NullAuditJournal : IAuditJournal
{
    public ValueTask RecordRequestAsync(RequestRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RecordResponseAsync(ResponseRecord record, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
