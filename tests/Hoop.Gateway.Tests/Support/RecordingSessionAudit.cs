using System.Collections.Concurrent;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Support;

/// <summary>Keeps every session event, so tests can assert each refusal left a journal record.</summary>
internal sealed class RecordingSessionAudit : ISessionAudit
{
    public ConcurrentQueue<AccessRefusal> Refusals { get; } = new();

    public ConcurrentQueue<(Session Session, string Reason)> Started { get; } = new();

    public ConcurrentQueue<(Session Session, string EndedBy)> Ended { get; } = new();

    public ValueTask SessionStartedAsync(Session session, string reason, CancellationToken cancellationToken = default)
    {
        Started.Enqueue((session, reason));
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionEndedAsync(Session session, string endedBy, CancellationToken cancellationToken = default)
    {
        Ended.Enqueue((session, endedBy));
        return ValueTask.CompletedTask;
    }

    public ValueTask RefusedAsync(AccessRefusal refusal, CancellationToken cancellationToken = default)
    {
        Refusals.Enqueue(refusal);
        return ValueTask.CompletedTask;
    }
}
