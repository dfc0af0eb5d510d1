namespace Hoop.Gateway.Sessions;

/// <summary>
/// Where secrets live: Key Vault in Azure (<see cref="KeyVaultSecretStore"/>), a local folder for <c>hoop serve</c>
/// (<see cref="FileSecretStore"/>). Secret names follow Key Vault's rule: 1-127 of <c>[0-9a-zA-Z-]</c>.
/// </summary>
/// <remarks>
/// Semantics follow Key Vault's: a disabled secret's value cannot be read (its properties can), and an expired secret is
/// still readable — whoever reads it must check <see cref="SecretProperties.ExpiresOn"/> itself.
/// </remarks>
public interface ISecretStore
{
    /// <summary>Reads secret <paramref name="name"/>; <see langword="null"/> when it does not exist or is disabled.</summary>
    ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads secret <paramref name="name"/> with its properties; <see langword="null"/> when it does not exist.</summary>
    /// <remarks>A disabled secret comes back with <see cref="StoredSecret.Value"/> null and <c>Enabled</c> false.</remarks>
    ValueTask<StoredSecret?> GetSecretEntryAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Writes a new version of secret <paramref name="name"/> with <paramref name="properties"/> (expiry, tags).</summary>
    ValueTask SetSecretAsync(string name, string value, SecretProperties properties, CancellationToken cancellationToken = default);

    /// <summary>Disables secret <paramref name="name"/> (its value can no longer be read); no-op when it does not exist.</summary>
    ValueTask DisableSecretAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The properties (never the values) of every secret whose name starts with <paramref name="namePrefix"/>.</summary>
    IAsyncEnumerable<SecretProperties> ListSecretsAsync(string namePrefix, CancellationToken cancellationToken = default);
}
