using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Upstream;

/// <summary>How to reach one upstream API server: a kubeconfig (inline or a file), a bearer token, or the in-cluster service account; and whose identity to forward.</summary>
public sealed record UpstreamConnectionSettings
{
    /// <summary>The connection name (the <c>{connection}</c> in <c>/k8s/{connection}/...</c>).</summary>
    public required string Name { get; init; }

    /// <summary>A kubeconfig document (YAML), e.g. read from Key Vault. Never logged.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Path of a kubeconfig file (local runs).</summary>
    public string? KubeconfigFile { get; init; }

    /// <summary>The kubeconfig context to use; its current context when null.</summary>
    public string? Context { get; init; }

    /// <summary>Use the pod's in-cluster service account (the gateway runs inside the cluster).</summary>
    public bool InCluster { get; init; }

    /// <summary>Overrides the kubeconfig's server URL (required with <see cref="BearerToken"/>).</summary>
    public string? Server { get; init; }

    /// <summary>A bare bearer token for <see cref="Server"/> (a Key Vault secret that is a token, not a kubeconfig). Never logged.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Whose identity forwarded requests carry. Default: impersonate the session's person.</summary>
    public ConnectionIdentity Identity { get; init; } = ConnectionIdentity.Impersonate;
}
