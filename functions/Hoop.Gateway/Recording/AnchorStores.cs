using Azure.Identity;
using Azure.Storage.Blobs;

namespace Hoop.Gateway.Recording;

/// <summary>Chooses the anchor store from options: the WORM container (managed identity) or a folder; none otherwise.</summary>
internal static class AnchorStores
{
    public static IAnchorStore Create(JournalOptions options)
        => options.AnchorContainerUri is { } uri ? new BlobAnchorStore(new BlobContainerClient(uri, new DefaultAzureCredential()))
            : options.AnchorDirectory is { Length: > 0 } directory ? new FolderAnchorStore(directory)
            : new UnavailableAnchorStore();
}
