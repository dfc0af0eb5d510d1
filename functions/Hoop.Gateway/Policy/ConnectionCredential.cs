namespace Hoop.Gateway.Policy;

/// <summary>
/// The gateway's credential for a connection: exactly one of a Key Vault secret holding a kubeconfig,
/// a kubeconfig file (with an optional context), or the in-cluster service account.
/// </summary>
public sealed record ConnectionCredential
{
    /// <summary>Name of the Key Vault (or local store) secret that holds a kubeconfig.</summary>
    public string? KeyVaultSecret { get; init; }

    /// <summary>Path of a kubeconfig file.</summary>
    public string? KubeconfigFile { get; init; }

    /// <summary>The kubeconfig context to use (only with <see cref="KubeconfigFile"/>); the current context when absent.</summary>
    public string? Context { get; init; }

    /// <summary>Use the pod's in-cluster service account.</summary>
    public bool InCluster { get; init; }
}
