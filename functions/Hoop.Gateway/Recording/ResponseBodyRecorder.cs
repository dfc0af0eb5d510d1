using System.Security.Cryptography;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Records one response body as it streams. The delivered (masked) bytes fill a segment of
/// <see cref="JournalOptions.SegmentBytes"/>; a full segment, or one open longer than
/// <see cref="JournalOptions.SegmentFlushMilliseconds"/>, is queued for the session's chain at once, so a long watch is
/// recorded as it goes. The reader waits when more than <see cref="JournalOptions.MaxPendingResponseBytes"/> are queued
/// but unwritten; a crash therefore loses at most the open segment and those queued bytes.
/// </summary>
internal sealed class ResponseBodyRecorder : IResponseBodyRecorder, IDisposable
{
    private readonly Lock _lock = new();
    private readonly SessionAppender _appender;
    private readonly string _auditId;
    private readonly JournalOptions _options;
    private readonly TimeProvider _time;
    private readonly IncrementalHash _upstreamHash;
    private readonly IncrementalHash _deliveredHash;
    private readonly Queue<(Task Write, int Bytes)> _pending = new();
    private readonly ITimer _timer;
    private readonly byte[] _open = new byte[JournalOptions.SegmentBytes];
    private int _openCount;
    private long _openedAt;
    private int _segments;
    private long _pendingBytes;
    private long _upstreamBytes;
    private long _deliveredBytes;
    private bool _capped;
    private bool _failed;
    private bool _completed;

    public ResponseBodyRecorder(SessionAppender appender, string auditId, JournalOptions options, TimeProvider time)
    {
        _appender = appender;
        _auditId = auditId;
        _options = options;
        _time = time;
        _upstreamHash = appender.Keys.CreateBodyHash();
        _deliveredHash = appender.Keys.CreateBodyHash();
        var period = TimeSpan.FromMilliseconds(options.SegmentFlushMilliseconds);
        _timer = time.CreateTimer(_ => FlushIfOld(), null, period, period);
    }

    public Stream WrapUpstream(Stream upstream) => new ObservedReadStream(upstream, OnUpstream);

    public Stream WrapDelivered(Stream delivered) => new ObservedReadStream(delivered, OnDelivered, WaitForJournalAsync);

    /// <summary>Closes the open segment (queued before the response record, so it is written first) and sums up.</summary>
    public ResponseBodySummary Complete()
    {
        lock (_lock)
        {
            if (!_completed)
            {
                _completed = true;
                _timer.Dispose();
                CloseSegment();
            }

            var upstream = Convert.ToBase64String(_upstreamHash.GetCurrentHash());
            var delivered = Convert.ToBase64String(_deliveredHash.GetCurrentHash());
            return new ResponseBodySummary
            {
                Segments = _segments,
                DeliveredBytes = _deliveredBytes,
                UpstreamBytes = _upstreamBytes,
                UpstreamHash = upstream,
                Masked = upstream != delivered,
                Note = _failed ? "some body segments could not be written to the journal"
                    : _capped ? $"body recorded up to {_options.MaxRecordedBodyBytes} bytes" : null,
            };
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _upstreamHash.Dispose();
        _deliveredHash.Dispose();
    }

    private void OnUpstream(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            _upstreamHash.AppendData(data);
            _upstreamBytes += data.Length;
        }
    }

    private void OnDelivered(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            _deliveredHash.AppendData(data);
            _deliveredBytes += data.Length;
            if (_completed)
            {
                return;
            }

            while (!data.IsEmpty)
            {
                if (RecordedBytes() >= _options.MaxRecordedBodyBytes)
                {
                    _capped = true;
                    return;
                }

                var room = (int)Math.Min(_open.Length - _openCount, _options.MaxRecordedBodyBytes - RecordedBytes());
                var take = Math.Min(room, data.Length);
                if (_openCount == 0)
                {
                    _openedAt = _time.GetTimestamp();
                }

                data[..take].CopyTo(_open.AsSpan(_openCount));
                _openCount += take;
                data = data[take..];
                if (_openCount == _open.Length)
                {
                    CloseSegment();
                }
            }
        }
    }

    /// <summary>Bytes put into segments so far (queued or open).</summary>
    private long RecordedBytes() => ((long)_segments * JournalOptions.SegmentBytes) + _openCount;

    private void FlushIfOld()
    {
        lock (_lock)
        {
            if (!_completed && _openCount > 0 && _time.GetElapsedTime(_openedAt).TotalMilliseconds >= _options.SegmentFlushMilliseconds)
            {
                CloseSegment();
            }
        }
    }

    /// <summary>Queues the open segment. Called under the lock; the write runs on the session's loop.</summary>
    private void CloseSegment()
    {
        if (_openCount == 0)
        {
            return;
        }

        var data = _open.AsSpan(0, _openCount).ToArray();
        var draft = JournalDrafts.ResponseSegment(_auditId, _segments, data, _time.GetUtcNow());
        _segments++;
        _openCount = 0;
        Task write;
        try
        {
            write = _appender.AppendAsync([draft]);
        }
        catch (InvalidOperationException)
        {
            _failed = true;
            return;
        }

        _pending.Enqueue((write, data.Length));
        _pendingBytes += data.Length;
    }

    /// <summary>Back-pressure: while too much is queued and unwritten, wait for the oldest write.</summary>
    private async ValueTask WaitForJournalAsync()
    {
        while (true)
        {
            Task oldest;
            lock (_lock)
            {
                while (_pending.TryPeek(out var head) && head.Write.IsCompleted)
                {
                    _pending.Dequeue();
                    _pendingBytes -= head.Bytes;
                    _failed |= !head.Write.IsCompletedSuccessfully;
                }

                if (_pendingBytes <= _options.MaxPendingResponseBytes || !_pending.TryPeek(out var first))
                {
                    return;
                }

                oldest = first.Write;
            }

            await oldest.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
