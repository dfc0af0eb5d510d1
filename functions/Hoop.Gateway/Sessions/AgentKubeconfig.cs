using System.Text;
using k8s;
using k8s.KubeConfigModels;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// The kubeconfig an agent gets: server = the gateway's <c>/k8s/{connection}</c>, the gateway's CA when it is not publicly
/// trusted, and the session token — no other credential.
/// </summary>
public static class AgentKubeconfig
{
    /// <summary>Renders the kubeconfig YAML.</summary>
    /// <param name="gatewayUrl">The gateway's base URL (e.g. <c>https://127.0.0.1:8443</c>).</param>
    /// <param name="connection">The connection the session is bound to.</param>
    /// <param name="sessionToken">The session token.</param>
    /// <param name="certificateAuthorityPem">The gateway's CA certificate (PEM), or null when publicly trusted.</param>
    /// <param name="defaultNamespace">The context's namespace, or null.</param>
    public static string Render(Uri gatewayUrl, string connection, string sessionToken, string? certificateAuthorityPem, string? defaultNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        var name = $"hoop-{connection}";
        var config = new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = name,
            Clusters =
            [
                new Cluster
                {
                    Name = name,
                    ClusterEndpoint = new ClusterEndpoint
                    {
                        Server = new Uri(gatewayUrl, $"/k8s/{connection}").ToString(),
                        CertificateAuthorityData = certificateAuthorityPem is null ? null : Convert.ToBase64String(Encoding.ASCII.GetBytes(certificateAuthorityPem)),
                    },
                },
            ],
            Users = [new User { Name = name, UserCredentials = new UserCredentials { Token = sessionToken } }],
            Contexts = [new Context { Name = name, ContextDetails = new ContextDetails { Cluster = name, User = name, Namespace = defaultNamespace } }],
        };
        return KubernetesYaml.Serialize(config);
    }
}
