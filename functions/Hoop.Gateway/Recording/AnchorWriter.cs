using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Writes an anchor of every session's chain head (this month's and last month's tables) to WORM storage. Run daily
/// (the function app's timer; <c>hoop serve</c> daily and when it stops).
/// </summary>
internal sealed class AnchorWriter(JournalStore store, IJournalKeySource keys, IAnchorStore anchors, TimeProvider time)
{
    /// <summary>Writes one anchor and returns the heads it holds.</summary>
    public async Task<IReadOnlyList<AnchorHead>> WriteAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var heads = new List<AnchorHead>();
        foreach (var month in new[] { thisMonth.AddMonths(-1), thisMonth })
        {
            var table = store.GetTable(month);
            AnchorHead? head = null;
            try
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", JournalProperty.Chain], cancellationToken: cancellationToken))
                {
                    if (head is not null && head.SessionId != entity.PartitionKey)
                    {
                        heads.Add(head);
                    }

                    head = new AnchorHead(table.Name, entity.PartitionKey, JournalStore.Sequence(entity.RowKey), entity.GetString(JournalProperty.Chain) ?? "");
                }
            }
            catch (RequestFailedException ex) when (JournalStore.IsMissingTable(ex))
            {
                continue;
            }

            if (head is not null)
            {
                heads.Add(head);
            }
        }

        var document = AnchorDocument.Create(now, heads, await keys.GetKeysAsync(cancellationToken));
        var name = "anchor-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".json";
        await anchors.WriteAsync(name, document.ToJson(), cancellationToken);
        return heads;
    }
}
