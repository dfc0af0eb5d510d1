namespace Hoop.Gateway.Upstream;

/// <summary>A connection as the policy names it: where its credential is kept and whose identity it forwards.</summary>
/// <param name="Name">The connection name (<c>/k8s/{name}/...</c>).</param>
/// <param name="CredentialSecret">The Key Vault (or local store) secret holding a kubeconfig or a bearer token.</param>
/// <param name="Identity">Whose identity forwarded requests carry.</param>
/// <param name="Server">The API server URL; overrides the kubeconfig's, required for a bearer-token secret.</param>
public sealed record ConnectionDefinition(string Name, string CredentialSecret, ForwardedIdentity Identity, string? Server = null);
