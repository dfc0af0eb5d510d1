namespace Hoop.Gateway.Upstream;

/// <summary>How to reach one upstream API server: a kubeconfig (inline or a file) or the in-cluster service account.</summary>
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

    /// <summary>Overrides the kubeconfig's server URL.</summary>
    public string? Server { get; init; }
}
