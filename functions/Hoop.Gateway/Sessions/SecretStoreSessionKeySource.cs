namespace Hoop.Gateway.Sessions;

/// <summary>
/// Reads <see cref="SessionKeys.SecretName"/> from the secret store once and keeps it. A missing secret is an error, never
/// a reason to invent a key: two gateway instances with different keys would refuse each other's sessions.
/// </summary>
internal sealed class SecretStoreSessionKeySource(ISecretStore secrets) : ISessionKeySource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SessionKeys? _keys;

    public async ValueTask<SessionKeys> GetKeysAsync(CancellationToken cancellationToken = default)
    {
        if (_keys is { } keys)
        {
            return keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var value = await secrets.GetSecretAsync(SessionKeys.SecretName, cancellationToken)
                ?? throw new InvalidOperationException($"The secret store has no '{SessionKeys.SecretName}' secret (docs/deploy.md: secrets).");
            return _keys ??= SessionKeys.FromSecret(value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
