namespace Hoop.Gateway.Sessions;

/// <summary>
/// A local secret store: one owner-only file per secret under a folder (the demo's <c>.hoop/secrets</c>).
/// Stands in for Key Vault in local runs; never used in Azure.
/// </summary>
public sealed class FileSecretStore : ISecretStore
{
    private readonly string _directory;

    public FileSecretStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    public async ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathFor(name);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    /// <summary>Writes secret <paramref name="name"/> (owner read/write only).</summary>
    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        var path = PathFor(name);
        await File.WriteAllTextAsync(path, value, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private string PathFor(string name)
    {
        // Key Vault secret names: 1-127 of [0-9a-zA-Z-]. Enforcing the same rule keeps names path-safe.
        if (name.Length is 0 or > 127 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' is not a valid secret name (1-127 letters, digits and '-').", nameof(name));
        }

        return Path.Combine(_directory, name);
    }
}
