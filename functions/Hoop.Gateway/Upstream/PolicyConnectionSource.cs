using Hoop.Gateway.Policy;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Connections as the policy file's <c>connections</c> section declares them; credentials that live in the secret store
/// (Key Vault in Azure, the local store in demo) are read by name and never leave the gateway.
/// </summary>
internal sealed class PolicyConnectionSource(IPolicySource policy, ISecretStore? secrets = null) : IUpstreamConnectionSource
{
    public async ValueTask<UpstreamConnectionSettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!policy.Current.Connections.TryGetValue(name, out var spec))
        {
            return null;
        }

        var credential = spec.Credential;
        string? kubeconfig = null;
        if (credential.KeyVaultSecret is { Length: > 0 } secretName)
        {
            if (secrets is null)
            {
                throw new InvalidOperationException($"Connection \"{name}\" reads its credential from secret \"{secretName}\", but no secret store is configured.");
            }

            kubeconfig = await secrets.GetSecretAsync(secretName, cancellationToken)
                ?? throw new InvalidOperationException($"Connection \"{name}\": secret \"{secretName}\" does not exist.");
        }

        return new UpstreamConnectionSettings
        {
            Name = name,
            Kubeconfig = kubeconfig,
            KubeconfigFile = credential.KubeconfigFile,
            Context = credential.Context,
            InCluster = credential.InCluster,
            Server = spec.Server?.ToString(),
        };
    }
}
