namespace Hoop.Gateway.Policy;

/// <summary>One Kubernetes API server the gateway may forward to.</summary>
public sealed record ConnectionSpec
{
    /// <summary>The connection's name (the <c>{connection}</c> in <c>/k8s/{connection}/...</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The API server URL; overrides the one in the kubeconfig when set.</summary>
    public Uri? Server { get; init; }

    /// <summary>Where the gateway's own credential for this cluster comes from.</summary>
    public required ConnectionCredential Credential { get; init; }

    /// <summary>Whose identity the forwarded request carries.</summary>
    public ConnectionIdentity Identity { get; init; } = ConnectionIdentity.Impersonate;
}
