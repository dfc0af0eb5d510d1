using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Support;

/// <summary>A secret store that holds one session master key (for tests that need keys but no vault).</summary>
internal sealed class InMemoryKeyStore : ISecretStore
{
    private readonly string _key = SessionKeys.NewSecret();

    public ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(name == SessionKeys.SecretName ? _key : null);

    public ValueTask<StoredSecret?> GetSecretEntryAsync(string name, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(name == SessionKeys.SecretName ? new StoredSecret(new SecretProperties { Name = name }, _key) : null);

    public ValueTask SetSecretAsync(string name, string value, SecretProperties properties, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("read-only");

    public ValueTask DisableSecretAsync(string name, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("read-only");

    public IAsyncEnumerable<SecretProperties> ListSecretsAsync(string namePrefix, CancellationToken cancellationToken = default)
        => AsyncEnumerable.Empty<SecretProperties>();
}
