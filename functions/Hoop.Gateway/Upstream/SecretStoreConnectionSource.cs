using System.Collections.Concurrent;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Connection settings whose credential is read from the secret store by name (Key Vault in Azure) and cached for
/// <see cref="CredentialCache"/>, so a rotated secret is picked up without a restart. The credential — a kubeconfig (with
/// a token or client certificate inside) or a bare bearer token — never leaves the gateway: it is not logged, not
/// journaled, and never part of any response.
/// </summary>
internal sealed class SecretStoreConnectionSource(Func<IReadOnlyList<ConnectionDefinition>> connections, ISecretStore secrets, TimeProvider time)
    : IUpstreamConnectionSource
{
    /// <summary>How long a credential read from the store is used before it is read again.</summary>
    public static readonly TimeSpan CredentialCache = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ReadAt)> _credentials = new(StringComparer.Ordinal);

    public async ValueTask<UpstreamConnectionSettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = connections().FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        if (definition is null)
        {
            return null;
        }

        var credential = await ReadAsync(definition.CredentialSecret, cancellationToken);
        var isKubeconfig = credential.Contains("apiVersion", StringComparison.Ordinal) || credential.Contains("clusters:", StringComparison.Ordinal);
        return new UpstreamConnectionSettings
        {
            Name = definition.Name,
            Kubeconfig = isKubeconfig ? credential : null,
            BearerToken = isKubeconfig ? null : credential.Trim(),
            Server = definition.Server,
            Identity = definition.Identity,
        };
    }

    private async ValueTask<string> ReadAsync(string secret, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_credentials.TryGetValue(secret, out var cached) && now - cached.ReadAt < CredentialCache)
        {
            return cached.Value;
        }

        var value = await secrets.GetSecretAsync(secret, cancellationToken)
            ?? throw new InvalidOperationException($"The secret store has no enabled secret '{secret}' (a connection's credential).");
        _credentials[secret] = (value, now);
        return value;
    }
}
