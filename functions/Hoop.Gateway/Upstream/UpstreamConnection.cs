using System.Net;
using k8s;
using k8s.Authentication;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// One upstream API server: its address, one cached <see cref="HttpMessageInvoker"/> (TLS trust and client certificate
/// from the kubeconfig, through KubernetesClient) and the credential added to every forwarded request.
/// </summary>
/// <remarks>
/// KubernetesClient builds and configures the <see cref="SocketsHttpHandler"/> (CA data, client certificates, TLS
/// server name); the gateway turns off what a proxy must not do (redirects, cookies, decompression, system proxies).
/// Forwarding goes straight to that handler, not through <see cref="HttpClient"/>, so no client timeout or default
/// headers apply. See bench/RESULTS.md for the forwarding overhead this gives.
/// </remarks>
internal sealed class UpstreamConnection : IDisposable
{
    private readonly Kubernetes _client;
    private readonly ServiceClientCredentials? _credentials;

    private UpstreamConnection(string name, string destinationPrefix, Kubernetes client, HttpMessageInvoker invoker, ServiceClientCredentials? credentials)
    {
        Name = name;
        DestinationPrefix = destinationPrefix;
        _client = client;
        Invoker = invoker;
        _credentials = credentials;
    }

    public string Name { get; }

    /// <summary>The server URL without a trailing slash; the request target is appended to it.</summary>
    public string DestinationPrefix { get; }

    public HttpMessageInvoker Invoker { get; }

    /// <summary>Adds the gateway's credential for this cluster to <paramref name="request"/>.</summary>
    public Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _credentials is null ? Task.CompletedTask : _credentials.ProcessHttpRequestAsync(request, cancellationToken);

    public static async Task<UpstreamConnection> CreateAsync(UpstreamConnectionSettings settings, CancellationToken cancellationToken = default)
    {
        var config = await LoadConfigurationAsync(settings, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Server))
        {
            config.Host = settings.Server;
        }

        config.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        SocketsHttpHandler? handler = null;
        config.FirstMessageHandlerSetup = h =>
        {
            h.AllowAutoRedirect = false;
            h.UseCookies = false;
            h.UseProxy = false;
            h.AutomaticDecompression = DecompressionMethods.None;
            h.ConnectTimeout = TimeSpan.FromSeconds(15);
            h.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2);
            h.EnableMultipleHttp2Connections = true;
            handler = h;
        };

        var client = new Kubernetes(config);
        if (handler is null)
        {
            client.Dispose();
            throw new InvalidOperationException("KubernetesClient did not expose its message handler.");
        }

        var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        return new UpstreamConnection(settings.Name, config.Host.TrimEnd('/'), client, invoker, Kubernetes.CreateCredentials(config));
    }

    public void Dispose()
    {
        Invoker.Dispose();
        _client.Dispose();
    }

    private static async Task<KubernetesClientConfiguration> LoadConfigurationAsync(UpstreamConnectionSettings settings, CancellationToken cancellationToken)
    {
        if (settings.InCluster)
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        if (settings.Kubeconfig is { Length: > 0 } yaml)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
            var document = await KubernetesClientConfiguration.LoadKubeConfigAsync(stream);
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(document, settings.Context);
        }

        if (settings.KubeconfigFile is { Length: > 0 } file)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(file), settings.Context);
        }

        throw new InvalidOperationException($"Connection \"{settings.Name}\" has no kubeconfig, kubeconfig file or in-cluster setting.");
    }
}
