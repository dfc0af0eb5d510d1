using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Hoop.TestCluster;

namespace Hoop.Gateway.Tests.TestCluster;

/// <summary>HttpClients that trust a simulated cluster's certificate (and only it) and carry its token.</summary>
internal static class ClusterHttp
{
    public static HttpClient CreateClient(SimulatedCluster cluster, string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { X509CertificateLoader.LoadCertificate(cluster.Certificate.RawData) },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? cluster.BearerToken);
        return client;
    }
}
