using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// A local secret store: one owner-only file per secret under a folder (the demo's <c>.hoop/secrets</c>), its
/// properties (enabled, expiry, tags) in a <c>NAME.properties.json</c> file beside it. Stands in for Key Vault in local
/// runs, with Key Vault's semantics (a disabled secret's value cannot be read); never used in Azure.
/// </summary>
public sealed class FileSecretStore : ISecretStore
{
    private const string PropertiesSuffix = ".properties.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _directory;
    private readonly TimeProvider _time;

    public FileSecretStore(string directory, TimeProvider? time = null)
    {
        _directory = directory;
        _time = time ?? TimeProvider.System;
        Directory.CreateDirectory(directory);
    }

    public async ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default)
        => (await GetSecretEntryAsync(name, cancellationToken))?.Value;

    public async ValueTask<StoredSecret?> GetSecretEntryAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathFor(name);
        if (!File.Exists(path))
        {
            return null;
        }

        var properties = await ReadPropertiesAsync(name, cancellationToken);
        return new StoredSecret(properties, properties.Enabled ? await File.ReadAllTextAsync(path, cancellationToken) : null);
    }

    /// <summary>Writes secret <paramref name="name"/> (owner read/write only) with default properties.</summary>
    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken = default)
        => await SetSecretAsync(name, value, new SecretProperties { Name = name }, cancellationToken);

    public async ValueTask SetSecretAsync(string name, string value, SecretProperties properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var path = PathFor(name);
        await WriteOwnerOnlyAsync(path, value, cancellationToken);
        var stored = properties with { Name = name, Enabled = true, CreatedOn = _time.GetUtcNow() };
        await WriteOwnerOnlyAsync(path + PropertiesSuffix, JsonSerializer.Serialize(FileProperties.From(stored), Json), cancellationToken);
    }

    public async ValueTask DisableSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(PathFor(name)))
        {
            return;
        }

        var properties = await ReadPropertiesAsync(name, cancellationToken) with { Enabled = false };
        await WriteOwnerOnlyAsync(PathFor(name) + PropertiesSuffix, JsonSerializer.Serialize(FileProperties.From(properties), Json), cancellationToken);
    }

    public async IAsyncEnumerable<SecretProperties> ListSecretsAsync(string namePrefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Directory.EnumerateFiles(_directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (SecretNames.IsValid(name) && name.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                yield return await ReadPropertiesAsync(name, cancellationToken);
            }
        }
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken cancellationToken)
    {
        // Write a sibling file and move it into place, so a reader never sees half a secret.
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private async Task<SecretProperties> ReadPropertiesAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathFor(name) + PropertiesSuffix;
        if (!File.Exists(path))
        {
            return new SecretProperties { Name = name };
        }

        var stored = JsonSerializer.Deserialize<FileProperties>(await File.ReadAllTextAsync(path, cancellationToken), Json)
            ?? throw new InvalidDataException($"{path} is not a secret's properties.");
        return stored.To(name);
    }

    private string PathFor(string name) => Path.Combine(_directory, SecretNames.Check(name));

    private sealed record FileProperties(bool Enabled, DateTimeOffset? ExpiresOn, DateTimeOffset? CreatedOn, string? ContentType, Dictionary<string, string>? Tags)
    {
        public static FileProperties From(SecretProperties p) => new(p.Enabled, p.ExpiresOn, p.CreatedOn, p.ContentType, new Dictionary<string, string>(p.Tags));

        public SecretProperties To(string name) => new()
        {
            Name = name,
            Enabled = Enabled,
            ExpiresOn = ExpiresOn,
            CreatedOn = CreatedOn,
            ContentType = ContentType,
            Tags = Tags ?? [],
        };
    }
}
