using System.Collections.Concurrent;

namespace Hoop.Gateway.Identity;

/// <summary>
/// Assertion ids seen by this instance, each kept until its assertion expires: a replayed assertion is refused.
/// </summary>
/// <remarks>Per instance: several instances behind a load balancer each keep their own (docs/identity.md says so).</remarks>
internal sealed class SamlReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="id"/> until <paramref name="expires"/>; false when it was already seen.</summary>
    public bool TryUse(string id, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        foreach (var (key, until) in _seen)
        {
            if (until < now)
            {
                _seen.TryRemove(key, out _);
            }
        }

        return _seen.TryAdd(id, expires);
    }
}
