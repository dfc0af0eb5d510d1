using Azure.Data.Tables;

namespace Hoop.Gateway.Recording;

/// <summary>One record as read back from the journal.</summary>
internal sealed record JournalEntry(string Table, TableEntity Entity)
{
    public string SessionId => Entity.PartitionKey;

    /// <summary>The sequence number, or -1 when the row key is not one.</summary>
    public long Sequence => JournalStore.Sequence(Entity.RowKey);

    public string Kind => Entity.GetString(JournalProperty.Kind) ?? "";

    public DateTimeOffset? Time => JournalTime.TryParse(Entity.GetString(JournalProperty.Time), out var time) ? time : null;

    public string? Text(string property) => Entity.TryGetValue(property, out var value) ? value?.ToString() : null;

    public long? Number(string property) => Entity.TryGetValue(property, out var value) ? value switch
    {
        int i => i,
        long l => l,
        _ => null,
    } : null;

    public byte[]? Data => Entity.TryGetValue(JournalProperty.Data, out var value) ? value switch
    {
        byte[] bytes => bytes,
        BinaryData data => data.ToArray(),
        _ => null,
    } : null;
}
