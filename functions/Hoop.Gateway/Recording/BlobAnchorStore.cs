using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Anchors in a blob container with a time-based immutability (WORM) policy (infra-bicep: the <c>anchors</c> container).
/// Uploads never overwrite; the policy keeps even the account owner from changing or deleting them before it expires.
/// </summary>
public sealed class BlobAnchorStore(BlobContainerClient container) : IAnchorStore
{
    public async Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        => await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: false, cancellationToken);

    public async IAsyncEnumerable<(string Name, byte[] Content)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            yield return (blob.Name, content.Value.Content.ToArray());
        }
    }
}
