namespace Hoop.Gateway.Recording;

/// <summary>Supplies the journal's keys. A failure to supply them fails the write, and so the request (fail closed).</summary>
internal interface IJournalKeySource
{
    ValueTask<JournalKeys> GetKeysAsync(CancellationToken cancellationToken = default);
}
