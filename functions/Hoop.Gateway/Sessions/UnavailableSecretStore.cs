namespace Hoop.Gateway.Sessions;

/// <summary>The secret store when none is configured: every call throws, so whatever needs a secret fails closed.</summary>
internal sealed class UnavailableSecretStore : ISecretStore
{
    private const string Message = "No secret store is configured (set Hoop:KeyVault:Uri).";

    public ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Message);

    public ValueTask<StoredSecret?> GetSecretEntryAsync(string name, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Message);

    public ValueTask SetSecretAsync(string name, string value, SecretProperties properties, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Message);

    public ValueTask DisableSecretAsync(string name, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Message);

    public IAsyncEnumerable<SecretProperties> ListSecretsAsync(string namePrefix, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Message);
}
