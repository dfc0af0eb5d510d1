namespace Hoop.Gateway.Recording;

/// <summary>Write-once storage for chain anchors: a WORM blob container in Azure, a folder in the demo.</summary>
public interface IAnchorStore
{
    /// <summary>Writes a new anchor; never replaces one.</summary>
    Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Every anchor, oldest first.</summary>
    IAsyncEnumerable<(string Name, byte[] Content)> ReadAllAsync(CancellationToken cancellationToken = default);
}
