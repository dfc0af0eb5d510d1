namespace Hoop.TestCluster;

/// <summary>The last requests the cluster received, oldest first, bounded so long benchmarks do not grow it forever.</summary>
internal sealed class RequestJournal
{
    private const int Capacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Queue<ReceivedRequest> _requests = new();

    public void Add(ReceivedRequest request)
    {
        lock (_lock)
        {
            _requests.Enqueue(request);
            if (_requests.Count > Capacity)
            {
                _requests.Dequeue();
            }
        }
    }

    public IReadOnlyList<ReceivedRequest> Snapshot()
    {
        lock (_lock)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }
}
