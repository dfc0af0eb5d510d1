using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Reads the journal in order (table, session, sequence), page by page, so verify, export and replay run in constant
/// memory however large the journal is.
/// </summary>
internal sealed class JournalReader(JournalStore store)
{
    /// <summary>Properties read when bodies are not needed (all but <c>Data</c>).</summary>
    private static readonly string[] WithoutData =
    [
        "PartitionKey", "RowKey", JournalProperty.Kind, JournalProperty.Time, JournalProperty.Chain, JournalProperty.User, JournalProperty.Groups,
        JournalProperty.Role, JournalProperty.Connection, JournalProperty.ExpiresAt, JournalProperty.KeyId, JournalProperty.Reason,
        JournalProperty.AuditId, JournalProperty.Method, JournalProperty.Target, JournalProperty.UserAgent, JournalProperty.Info,
        JournalProperty.Decision, JournalProperty.Rule, JournalProperty.Message, JournalProperty.ContentType, JournalProperty.BodyBytes,
        JournalProperty.BodyHash, JournalProperty.BodySegments, JournalProperty.BodyNote, JournalProperty.Index, JournalProperty.ApprovalId,
        JournalProperty.Step, JournalProperty.Actor, JournalProperty.Outcome, JournalProperty.Comment, JournalProperty.At, JournalProperty.Status,
        JournalProperty.DurationMicros, JournalProperty.Bytes, JournalProperty.UnmaskedBytes, JournalProperty.Masked, JournalProperty.Error,
        JournalProperty.Stage,
    ];

    public JournalStore Store => store;

    /// <summary>
    /// Every record of the tables that can hold records in [<paramref name="from"/>, <paramref name="to"/>], or of one
    /// session. Time filtering of records is left to the caller (a session is read whole).
    /// </summary>
    public async IAsyncEnumerable<JournalEntry> ReadAsync(
        string? sessionId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        bool withBodies = true,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = sessionId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {sessionId}");
        await foreach (var table in store.ListTablesAsync(from, to, cancellationToken))
        {
            var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: withBodies ? null : WithoutData, cancellationToken: cancellationToken);
            await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (RequestFailedException ex) when (JournalStore.IsMissingTable(ex))
                {
                    break;
                }

                yield return new JournalEntry(table.Name, enumerator.Current);
            }
        }
    }
}
