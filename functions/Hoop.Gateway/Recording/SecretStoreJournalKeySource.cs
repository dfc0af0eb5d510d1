using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Reads the journal's master key from the secret store (Key Vault in Azure, the local store in the demo) once and
/// keeps it. A missing secret is an error: the journal never invents a key it could not later prove records with.
/// </summary>
internal sealed class SecretStoreJournalKeySource(ISecretStore? secrets) : IJournalKeySource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JournalKeys? _keys;

    public async ValueTask<JournalKeys> GetKeysAsync(CancellationToken cancellationToken = default)
    {
        if (_keys is { } keys)
        {
            return keys;
        }

        if (secrets is null)
        {
            throw new InvalidOperationException("No secret store is configured, so the journal's chain key cannot be read.");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var value = await secrets.GetSecretAsync(JournalKeys.SecretName, cancellationToken)
                ?? throw new InvalidOperationException($"The secret store has no '{JournalKeys.SecretName}' secret.");
            return _keys = JournalKeys.FromSecret(value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
