using System.Collections.Concurrent;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Connections as the policy file's <c>connections</c> section declares them; credentials that live in the secret store
/// (Key Vault in Azure, the local store in demo) are read by name, cached for <see cref="CredentialCache"/> (so a rotated
/// secret is picked up without a restart), and never leave the gateway: not logged, not journaled, never in a response.
/// </summary>
/// <remarks>
/// A secret holds a kubeconfig (with a token or a client certificate inside) or a bare bearer token (the connection's
/// <c>server</c> is then required). The connection's <c>identity</c> says whose identity forwarded requests carry.
/// </remarks>
internal sealed class PolicyConnectionSource(IPolicySource policy, ISecretStore? secrets = null, TimeProvider? time = null) : IUpstreamConnectionSource
{
    /// <summary>How long a credential read from the store is used before it is read again.</summary>
    public static readonly TimeSpan CredentialCache = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ReadAt)> _credentials = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async ValueTask<UpstreamConnectionSettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!policy.Current.Connections.TryGetValue(name, out var spec))
        {
            return null;
        }

        var credential = spec.Credential;
        string? kubeconfig = null;
        string? token = null;
        if (credential.KeyVaultSecret is { Length: > 0 } secretName)
        {
            var value = await ReadAsync(name, secretName, cancellationToken);
            if (value.Contains("apiVersion", StringComparison.Ordinal) || value.Contains("clusters:", StringComparison.Ordinal))
            {
                kubeconfig = value;
            }
            else
            {
                token = value.Trim();
            }
        }

        return new UpstreamConnectionSettings
        {
            Name = name,
            Kubeconfig = kubeconfig,
            BearerToken = token,
            KubeconfigFile = credential.KubeconfigFile,
            Context = credential.Context,
            InCluster = credential.InCluster,
            Server = spec.Server?.ToString(),
            Identity = spec.Identity,
        };
    }

    private async ValueTask<string> ReadAsync(string connection, string secretName, CancellationToken cancellationToken)
    {
        if (secrets is null)
        {
            throw new InvalidOperationException($"Connection \"{connection}\" reads its credential from secret \"{secretName}\", but no secret store is configured.");
        }

        var now = _time.GetUtcNow();
        if (_credentials.TryGetValue(secretName, out var cached) && now - cached.ReadAt < CredentialCache)
        {
            return cached.Value;
        }

        var value = await secrets.GetSecretAsync(secretName, cancellationToken)
            ?? throw new InvalidOperationException($"Connection \"{connection}\": secret \"{secretName}\" does not exist.");
        _credentials[secretName] = (value, now);
        return value;
    }
}
