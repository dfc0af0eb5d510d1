using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Identity;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The journal's tables: one per month, <c>{prefix}{yyyyMM}</c>; a session's records all live in the table of the month
/// it started in (partition = session id, row key = sequence, zero-padded to 10 digits). Shared by the writer and the
/// readers (verify, export, replay).
/// </summary>
/// <remarks>
/// Whole tables are dropped by an operations identity when their retention ends; this code only creates tables and adds
/// entities (docs/recording.md; a test scans the code for any other write).
/// </remarks>
internal sealed class JournalStore
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _created = new(StringComparer.Ordinal);

    public JournalStore(TableServiceClient service, string prefix)
    {
        Service = service;
        Prefix = prefix;
    }

    public TableServiceClient Service { get; }

    public string Prefix { get; }

    /// <summary>Builds the store from options: a connection string (Azurite) or the Table service URI with DefaultAzureCredential.</summary>
    public static JournalStore Create(JournalOptions options)
    {
        var clientOptions = new TableClientOptions();
        // The request record is written on the hot path and a failure answers 503: retry briefly, never for long.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var service = options.ConnectionString is { Length: > 0 } connection
            ? new TableServiceClient(connection, clientOptions)
            : options.TableServiceUri is { } uri
                ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
                : throw new InvalidOperationException("The journal needs Hoop:Journal:ConnectionString or Hoop:Journal:TableServiceUri.");
        return new JournalStore(service, options.TablePrefix);
    }

    /// <summary>The row key of sequence number <paramref name="sequence"/>.</summary>
    public static string RowKey(long sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The sequence number in <paramref name="rowKey"/>, or -1 when it is not one.</summary>
    public static long Sequence(string rowKey)
        => rowKey.Length == 10 && long.TryParse(rowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    /// <summary>The name of the table for <paramref name="month"/>.</summary>
    public string TableName(DateTimeOffset month) => Prefix + month.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>The month a table holds, or null when <paramref name="tableName"/> is not one of this journal's tables.</summary>
    public DateTimeOffset? MonthOf(string tableName)
    {
        if (!tableName.StartsWith(Prefix, StringComparison.Ordinal) || tableName.Length != Prefix.Length + 6)
        {
            return null;
        }

        return DateTime.TryParseExact(tableName[Prefix.Length..], "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month)
            ? new DateTimeOffset(month, TimeSpan.Zero)
            : null;
    }

    /// <summary>A client for the table of <paramref name="month"/>, creating the table once per process.</summary>
    public Task<TableClient> GetWritableTableAsync(DateTimeOffset month, CancellationToken cancellationToken = default)
    {
        var name = TableName(month);
        var lazy = _created.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        return lazy.Value.WaitAsync(cancellationToken);

        async Task<TableClient> CreateAsync(string tableName)
        {
            try
            {
                var client = Service.GetTableClient(tableName);
                await client.CreateIfNotExistsAsync(CancellationToken.None);
                return client;
            }
            catch
            {
                _created.TryRemove(tableName, out _);
                throw;
            }
        }
    }

    /// <summary>A client for the table of <paramref name="month"/> (which may not exist).</summary>
    public TableClient GetTable(DateTimeOffset month) => Service.GetTableClient(TableName(month));

    /// <summary>This journal's tables, oldest first, optionally only the months that can hold records between <paramref name="from"/> and <paramref name="to"/>.</summary>
    /// <remarks>A session is stored in the table of the month it started, so the month before <paramref name="from"/> is included.</remarks>
    public async IAsyncEnumerable<TableClient> ListTablesAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var names = new List<(DateTimeOffset Month, string Name)>();
        await foreach (var table in Service.QueryAsync(cancellationToken: cancellationToken))
        {
            if (MonthOf(table.Name) is { } month)
            {
                names.Add((month, table.Name));
            }
        }

        var first = from is { } f ? new DateTimeOffset(f.UtcDateTime.Year, f.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1) : DateTimeOffset.MinValue;
        foreach (var (month, name) in names.OrderBy(n => n.Month))
        {
            if (month >= first && (to is null || month <= to))
            {
                yield return Service.GetTableClient(name);
            }
        }
    }

    /// <summary>Whether <paramref name="ex"/> says the entity (row) already exists: another writer took the sequence.</summary>
    public static bool IsConflict(RequestFailedException ex) => ex.Status == 409;

    /// <summary>Whether <paramref name="ex"/> says the table does not exist.</summary>
    public static bool IsMissingTable(RequestFailedException ex) => ex.Status == 404;
}
