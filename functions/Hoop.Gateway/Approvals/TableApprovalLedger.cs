using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Identity;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The approval ledger on Azure Table Storage, shared by every instance of the function app. Every write is one atomic
/// conditional write: an insert that fails with 409 when another caller got there first, or a replace that fails with
/// 412 when the row changed since it was read.
/// </summary>
/// <remarks>
/// <code>
///  partition s~{session}  row gen~{fingerprint}   Generation   advance: insert 1 (409 lost) | replace If-Match (412 lost)
///                         row pending             Count        the session's pending approvals, exact:
///                         row claim~{approval}    State        claim = one transaction {insert claim, count+1 If-Match}
///                                                              finish = one transaction {claim → finished If-Match, count−1 If-Match}
///  partition a~{approval} row consumed                         consume: insert (409 = already consumed)
///  partition l~{link}     row used                             link use: insert (409 = already used)
/// </code>
/// This table is not the audit record: it is the only place in <c>functions/</c> that replaces or deletes entities
/// (docs/security/invariants.md #8; a test keeps this file away from the audit tables). Rows are kept <see cref="ApprovalLedgerOptions.RetentionDays"/> after their last
/// write and then purged (<see cref="PurgeAsync"/>): every row belongs to one session, and a session cannot outlive it.
/// </remarks>
internal sealed class TableApprovalLedger : IApprovalLedger
{
    private const string GenerationColumn = "Generation";
    private const string CountColumn = "Count";
    private const string StateColumn = "State";
    private const string PendingRow = "pending";
    private const string Pending = "pending";
    private const string Finished = "finished";

    /// <summary>Rounds of read-then-conditional-write before giving up (a throw fails closed); each lost round means another caller won one.</summary>
    private const int MaxRounds = 100;

    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\#?");

    private readonly TableClient _table;
    private volatile bool _created;

    public TableApprovalLedger(TableClient table) => _table = table;

    /// <summary>Builds the ledger from options: a connection string (Azurite) or the Table service URI with DefaultAzureCredential.</summary>
    public static TableApprovalLedger Create(ApprovalLedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        // The gate holds an agent call: retry briefly, never for long (a failure answers 503, nothing is forwarded).
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var service = options.ConnectionString is { Length: > 0 } connection
            ? new TableServiceClient(connection, clientOptions)
            : options.TableServiceUri is { } uri
                ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
                : throw new InvalidOperationException($"The approval ledger needs {ApprovalLedgerOptions.SectionName}:ConnectionString or :TableServiceUri.");
        return new TableApprovalLedger(service.GetTableClient(options.TableName));
    }

    public async ValueTask<int> GenerationAsync(string sessionId, string fingerprint, CancellationToken cancellationToken = default)
    {
        var row = await GetAsync(SessionKey(sessionId), GenerationKey(fingerprint), cancellationToken);
        return row?.GetInt32(GenerationColumn) ?? 0;
    }

    public async ValueTask<bool> TryAdvanceAsync(string sessionId, string fingerprint, int from, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var (partition, row) = (SessionKey(sessionId), GenerationKey(fingerprint));
        var next = new TableEntity(partition, row) { [GenerationColumn] = from + 1 };
        if (from == 0)
        {
            // Generation 0 is the absent row; it is never written, so the insert is the conditional write.
            return await SucceedsAsync(() => table.AddEntityAsync(next, cancellationToken), 409);
        }

        var current = await GetAsync(partition, row, cancellationToken);
        if (current?.GetInt32(GenerationColumn) != from)
        {
            return false;
        }

        return await SucceedsAsync(() => table.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, cancellationToken), 412);
    }

    public async ValueTask<bool?> TryClaimStartAsync(string sessionId, string approvalId, int maxPending, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var partition = SessionKey(sessionId);
        var claimRow = ClaimKey(approvalId);
        for (var round = 0; round < MaxRounds; round++)
        {
            if (await GetAsync(partition, claimRow, cancellationToken) is not null)
            {
                return false;
            }

            var counter = await GetAsync(partition, PendingRow, cancellationToken);
            var count = counter?.GetInt32(CountColumn) ?? 0;
            if (count >= maxPending)
            {
                return null;
            }

            // The claim and the count move together or not at all: the cap is exact under any interleaving.
            var next = new TableEntity(partition, PendingRow) { [CountColumn] = count + 1 };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(partition, claimRow) { [StateColumn] = Pending }),
                counter is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, counter.ETag),
            ];
            if (await CommitsAsync(table, actions, cancellationToken))
            {
                return true;
            }

            // Lost a race (the same claim, or another claim moved the count): read again.
            await BackOffAsync(round, cancellationToken);
        }

        throw new InvalidOperationException($"the approval ledger stayed contended for session {sessionId}");
    }

    public async ValueTask FinishAsync(string sessionId, string approvalId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var partition = SessionKey(sessionId);
        var claimRow = ClaimKey(approvalId);
        for (var round = 0; round < MaxRounds; round++)
        {
            var claim = await GetAsync(partition, claimRow, cancellationToken);
            if (claim is null || claim.GetString(StateColumn) == Finished)
            {
                return;
            }

            var counter = await GetAsync(partition, PendingRow, cancellationToken);
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, claimRow) { [StateColumn] = Finished }, claim.ETag),
            ];
            if (counter is not null)
            {
                var count = Math.Max(0, (counter.GetInt32(CountColumn) ?? 0) - 1);
                actions.Add(new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, PendingRow) { [CountColumn] = count }, counter.ETag));
            }

            if (await CommitsAsync(table, actions, cancellationToken))
            {
                return;
            }

            await BackOffAsync(round, cancellationToken);
        }

        throw new InvalidOperationException($"the approval ledger stayed contended for session {sessionId}");
    }

    public async ValueTask<bool> TryConsumeAsync(string approvalId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        return await SucceedsAsync(() => table.AddEntityAsync(new TableEntity(Key("a", approvalId), "consumed"), cancellationToken), 409);
    }

    public async ValueTask<bool> TryUseLinkAsync(string linkId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        return await SucceedsAsync(() => table.AddEntityAsync(new TableEntity(Key("l", linkId), "used"), cancellationToken), 409);
    }

    /// <summary>
    /// Deletes every row last written before <paramref name="before"/> (each only if unchanged since read); returns how
    /// many. Callers pass a time older than the longest session (<see cref="ApprovalLedgerRetention"/>).
    /// </summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var purged = 0;
        var old = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Timestamp lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in old)
        {
            if (await SucceedsAsync(() => table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken), 412))
            {
                purged++;
            }
        }

        return purged;
    }

    /// <summary>A partition or row key for <paramref name="value"/>: as is when Table Storage accepts it, else its SHA-256 under another prefix.</summary>
    internal static string Key(string kind, string value)
    {
        var plain = value.Length is > 0 and <= 256 && value.AsSpan().IndexOfAny(Forbidden) < 0 && !value.Any(char.IsControl);
        return plain ? kind + "~" + value : kind + "!" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    private static string SessionKey(string sessionId) => Key("s", sessionId);

    private static string GenerationKey(string fingerprint) => Key("gen", fingerprint);

    private static string ClaimKey(string approvalId) => Key("claim", approvalId);

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }

        return _table;
    }

    private async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Runs one conditional write: true when it took effect, false when it lost (<paramref name="lostStatus"/>).</summary>
    private static async Task<bool> SucceedsAsync(Func<Task<Response>> write, int lostStatus)
    {
        try
        {
            await write();
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == lostStatus || (lostStatus == 412 && ex.Status == 404))
        {
            return false;
        }
    }

    private static async Task<bool> CommitsAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    private static Task BackOffAsync(int round, CancellationToken cancellationToken)
        => Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 + Math.Min(round, 10) * 5)), cancellationToken);
}
