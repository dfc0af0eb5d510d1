using System.Runtime.CompilerServices;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Anchors in a local folder (<c>hoop serve --demo</c>: <c>DIR/anchors</c>). Files are created once and made read-only;
/// this stands in for the WORM container and is only as immutable as the machine it is on.
/// </summary>
public sealed class FolderAnchorStore(string directory) : IAnchorStore
{
    public async Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Path.GetFileName(name));
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await file.WriteAsync(content, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    public async IAsyncEnumerable<(string Name, byte[] Content)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken));
        }
    }
}
