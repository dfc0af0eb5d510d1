using System.Runtime.CompilerServices;

namespace Hoop.Gateway.Recording;

/// <summary>No anchor store configured: writing an anchor fails (and is logged); verify has no anchors to compare.</summary>
internal sealed class UnavailableAnchorStore : IAnchorStore
{
    public Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("No anchor store is configured (Hoop:Journal:AnchorContainerUri or Hoop:Journal:AnchorDirectory).");

    public async IAsyncEnumerable<(string Name, byte[] Content)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
