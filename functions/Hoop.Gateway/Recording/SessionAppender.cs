using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Appends to one session's chain from this gateway instance. Writes are queued and written in order by one loop, which
/// joins queued writes into one transaction when they fit (at most <see cref="JournalOptions.MaxBatchEntities"/> entities
/// and <see cref="JournalOptions.MaxBatchBodyBytes"/> of body). Other instances may append to the same session: each
/// transaction inserts the next sequence numbers, and if one is taken (409) the head is re-read and the records are
/// chained onto it again.
/// </summary>
internal sealed partial class SessionAppender : IAsyncDisposable
{
    private const int MaxAttempts = 20;

    private readonly Channel<JournalWrite> _queue = Channel.CreateUnbounded<JournalWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _sessionId;
    private readonly JournalStore _store;
    private readonly JournalKeys _keys;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;

    // Head state, touched only by the loop.
    private TableClient? _table;
    private long _sequence;
    private byte[] _chain = new byte[32];
    private bool _headKnown;

    public SessionAppender(string sessionId, JournalStore store, JournalKeys keys, TimeProvider time, ILogger logger)
    {
        _sessionId = sessionId;
        _store = store;
        _keys = keys;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public JournalKeys Keys => _keys;

    /// <summary>Queues <paramref name="drafts"/>; the task completes when they are written (or fails with the reason).</summary>
    public Task AppendAsync(IReadOnlyList<JournalDraft> drafts, Session? implicitStart = null)
    {
        var write = new JournalWrite(drafts, implicitStart);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException($"The journal of session {_sessionId} is closed.");
        }

        return write.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var group = new List<JournalWrite>();
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            var entities = 0;
            var bytes = 0;
            while (reader.TryPeek(out var next))
            {
                var count = next.Drafts.Count + (next.ImplicitStart is null ? 0 : 1);
                if (group.Count > 0 && (entities + count > JournalOptions.MaxBatchEntities || bytes + next.DataBytes > JournalOptions.MaxBatchBodyBytes))
                {
                    break;
                }

                reader.TryRead(out _);
                group.Add(next);
                entities += count;
                bytes += next.DataBytes;
            }

            try
            {
                await WriteAsync(group);
                foreach (var write in group)
                {
                    write.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                // The outcome of a failed call is unknown (it may have landed): read the head again before the next write.
                _headKnown = false;
                Log.WriteFailed(_logger, _sessionId, ex);
                foreach (var write in group)
                {
                    write.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task WriteAsync(List<JournalWrite> group)
    {
        var remaining = new List<JournalDraft>(group.SelectMany(w => w.Drafts));
        var implicitStart = group.Select(w => w.ImplicitStart).FirstOrDefault(s => s is not null);
        JournalDraft? implicitDraft = null;
        for (var attempt = 1; remaining.Count > 0; attempt++)
        {
            if (!_headKnown)
            {
                await LoadHeadAsync();
            }

            if (_sequence == 0 && implicitStart is not null && remaining[0].Kind != JournalRecordKind.SessionStarted)
            {
                implicitDraft = JournalDrafts.SessionStarted(implicitStart, _keys.KeyId, _time.GetUtcNow());
                remaining.Insert(0, implicitDraft);
                implicitStart = null;
            }

            var chunk = TakeTransaction(remaining);
            var (actions, headSequence, headChain) = Seal(chunk);
            try
            {
                await _table!.SubmitTransactionAsync(actions);
            }
            catch (RequestFailedException ex) when (JournalStore.IsConflict(ex) && attempt < MaxAttempts)
            {
                // Another instance appended first: chain onto its records.
                Log.Conflict(_logger, _sessionId, _sequence + 1);
                _headKnown = false;
                if (ReferenceEquals(chunk[0], implicitDraft))
                {
                    // Our implicit start lost the race to the other instance's; drop it, theirs starts the chain.
                    chunk.RemoveAt(0);
                }

                remaining.InsertRange(0, chunk);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)));
                continue;
            }

            _sequence = headSequence;
            _chain = headChain;
        }
    }

    /// <summary>Takes the drafts for the next transaction off the front of <paramref name="remaining"/>.</summary>
    private static List<JournalDraft> TakeTransaction(List<JournalDraft> remaining)
    {
        var count = 0;
        var bytes = 0;
        while (count < remaining.Count && count < JournalOptions.MaxBatchEntities
            && (count == 0 || bytes + remaining[count].DataBytes <= JournalOptions.MaxBatchBodyBytes))
        {
            bytes += remaining[count].DataBytes;
            count++;
        }

        var chunk = remaining.GetRange(0, count);
        remaining.RemoveRange(0, count);
        return chunk;
    }

    private (List<TableTransactionAction> Actions, long Sequence, byte[] Chain) Seal(List<JournalDraft> chunk)
    {
        var actions = new List<TableTransactionAction>(chunk.Count);
        var sequence = _sequence;
        var chain = _chain;
        foreach (var draft in chunk)
        {
            sequence++;
            var entity = new TableEntity(_sessionId, JournalStore.RowKey(sequence));
            foreach (var (name, value) in draft.Properties)
            {
                entity[name] = value;
            }

            chain = _keys.Chain(chain, CanonicalRecord.Encode(entity));
            entity[JournalProperty.Chain] = Convert.ToBase64String(chain);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
        }

        return (actions, sequence, chain);
    }

    /// <summary>
    /// Finds the session's table (this month's, else last month's: a session lives in the table of the month it started)
    /// and its last record.
    /// </summary>
    private async Task LoadHeadAsync()
    {
        if (_table is null)
        {
            var now = _time.GetUtcNow();
            var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var current = await _store.GetWritableTableAsync(thisMonth);
            var (sequence, chain) = await ReadHeadAsync(current, 0);
            if (sequence == 0)
            {
                var previous = _store.GetTable(thisMonth.AddMonths(-1));
                var (previousSequence, previousChain) = await ReadHeadAsync(previous, 0);
                if (previousSequence > 0)
                {
                    (_table, _sequence, _chain, _headKnown) = (previous, previousSequence, previousChain!, true);
                    return;
                }
            }

            (_table, _sequence, _chain, _headKnown) = (current, sequence, chain ?? new byte[32], true);
            return;
        }

        var (next, nextChain) = await ReadHeadAsync(_table, _sequence);
        if (next > _sequence)
        {
            (_sequence, _chain) = (next, nextChain!);
        }

        _headKnown = true;
    }

    /// <summary>The last record after <paramref name="after"/> in the session's partition (RowKey and Chain only).</summary>
    private async Task<(long Sequence, byte[]? Chain)> ReadHeadAsync(TableClient table, long after)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {_sessionId} and RowKey gt {JournalStore.RowKey(after)}");
        long sequence = after;
        byte[]? chain = null;
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey", JournalProperty.Chain]))
            {
                var s = JournalStore.Sequence(entity.RowKey);
                if (s > sequence && entity.GetString(JournalProperty.Chain) is { } value)
                {
                    sequence = s;
                    chain = Convert.FromBase64String(value);
                }
            }
        }
        catch (RequestFailedException ex) when (JournalStore.IsMissingTable(ex))
        {
            return (0, null);
        }

        return (sequence, chain);
    }
}
