using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Security.KeyVault.Secrets;
using KeyVaultSecretProperties = Azure.Security.KeyVault.Secrets.SecretProperties;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// The secret store in Azure: Key Vault through <see cref="SecretClient"/> (the app's managed identity, see
/// <see cref="Hosting.SettingNames.KeyVaultUri"/>). Tests drive the same client against a local HTTPS endpoint that
/// speaks Key Vault's REST API.
/// </summary>
/// <remarks>
/// Key Vault answers a read of a disabled secret with 403 and the inner error code <c>SecretDisabled</c>; that is read as
/// "disabled", every other failure is thrown (the caller fails closed). Expired secrets are still readable (Key Vault
/// does not enforce <c>exp</c> on secrets), so callers check <see cref="SecretProperties.ExpiresOn"/>.
/// </remarks>
public sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public async ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default)
        => (await GetSecretEntryAsync(name, cancellationToken))?.Value;

    public async ValueTask<StoredSecret?> GetSecretEntryAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var secret = (await client.GetSecretAsync(SecretNames.Check(name), cancellationToken: cancellationToken)).Value;
            return new StoredSecret(Map(secret.Properties), secret.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 403 && IsDisabled(ex))
        {
            return new StoredSecret(new SecretProperties { Name = name, Enabled = false }, null);
        }
    }

    public async ValueTask SetSecretAsync(string name, string value, SecretProperties properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var secret = new KeyVaultSecret(SecretNames.Check(name), value);
        secret.Properties.ExpiresOn = properties.ExpiresOn;
        secret.Properties.ContentType = properties.ContentType;
        secret.Properties.Enabled = true;
        foreach (var (key, tag) in properties.Tags)
        {
            secret.Properties.Tags[key] = tag;
        }

        await client.SetSecretAsync(secret, cancellationToken);
    }

    public async ValueTask DisableSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            // Every version: a disabled secret must not come back by reading an older one.
            await foreach (var version in client.GetPropertiesOfSecretVersionsAsync(SecretNames.Check(name), cancellationToken))
            {
                if (version.Enabled != false)
                {
                    version.Enabled = false;
                    await client.UpdateSecretPropertiesAsync(version, cancellationToken);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async IAsyncEnumerable<SecretProperties> ListSecretsAsync(string namePrefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var properties in client.GetPropertiesOfSecretsAsync(cancellationToken))
        {
            if (properties.Name.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                yield return Map(properties);
            }
        }
    }

    private static SecretProperties Map(KeyVaultSecretProperties properties) => new()
    {
        Name = properties.Name,
        Enabled = properties.Enabled ?? true,
        ExpiresOn = properties.ExpiresOn,
        CreatedOn = properties.CreatedOn,
        ContentType = properties.ContentType,
        Tags = new Dictionary<string, string>(properties.Tags),
    };

    private static bool IsDisabled(RequestFailedException ex)
    {
        var content = ex.GetRawResponse()?.Content;
        if (content is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            return document.RootElement.TryGetProperty("error", out var error)
                && (error.TryGetProperty("innererror", out var inner) || error.TryGetProperty("innerError", out inner))
                && inner.TryGetProperty("code", out var code)
                && code.GetString() == "SecretDisabled";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
