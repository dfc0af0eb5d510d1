using System.Collections.Concurrent;

namespace Hoop.Gateway.Approvals;

/// <summary>The ledger of one gateway process (hoop serve, tests); lost when the process ends, like the in-process sidecar's state.</summary>
internal sealed class InMemoryApprovalLedger : IApprovalLedger
{
    private readonly ConcurrentDictionary<(string Session, string Fingerprint), int> _generations = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _started = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _consumed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedLinks = new(StringComparer.Ordinal);
    private readonly Lock _claims = new();

    public ValueTask<int> GenerationAsync(string sessionId, string fingerprint, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_generations.GetValueOrDefault((sessionId, fingerprint)));

    public ValueTask<bool> TryAdvanceAsync(string sessionId, string fingerprint, int from, CancellationToken cancellationToken = default)
    {
        var key = (sessionId, fingerprint);
        var advanced = from == 0
            ? _generations.TryAdd(key, 1) || _generations.TryUpdate(key, 1, 0)
            : _generations.TryUpdate(key, from + 1, from);
        return ValueTask.FromResult(advanced);
    }

    public ValueTask<bool?> TryClaimStartAsync(string sessionId, string approvalId, int maxPending, CancellationToken cancellationToken = default)
    {
        lock (_claims)
        {
            if (_started.ContainsKey(approvalId))
            {
                return ValueTask.FromResult<bool?>(false);
            }

            var pending = _pending.GetOrAdd(sessionId, _ => new(StringComparer.Ordinal));
            if (pending.Count >= maxPending)
            {
                return ValueTask.FromResult<bool?>(null);
            }

            _started[approvalId] = 0;
            pending[approvalId] = 0;
            return ValueTask.FromResult<bool?>(true);
        }
    }

    public ValueTask FinishAsync(string sessionId, string approvalId, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(sessionId, out var pending))
        {
            pending.TryRemove(approvalId, out _);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryConsumeAsync(string approvalId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_consumed.TryAdd(approvalId, 0));

    public ValueTask<bool> TryUseLinkAsync(string linkId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_usedLinks.TryAdd(linkId, 0));
}
