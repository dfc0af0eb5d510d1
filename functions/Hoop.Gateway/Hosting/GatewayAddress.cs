namespace Hoop.Gateway.Hosting;

/// <summary>
/// Where agents reach this gateway, for the kubeconfigs it hands out: the public base URL (<see cref="SettingNames.PublicBaseUrl"/>
/// in Azure; the listening address for <c>hoop serve</c>, set once it is known) and the CA to trust when the certificate
/// is not publicly trusted.
/// </summary>
public sealed class GatewayAddress
{
    /// <summary>The base URL, e.g. <c>https://hoop.example.com</c>; null until known.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The gateway's CA certificate (PEM) for the kubeconfig, or null when publicly trusted.</summary>
    public string? CertificateAuthorityPem { get; set; }
}
