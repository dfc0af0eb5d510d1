using System.Collections.Concurrent;
using System.Net;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Sessions;
using k8s;
using k8s.Authentication;
using k8s.Models;

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
    /// <summary>The namespace of the per-role ServiceAccounts used in <see cref="ConnectionIdentity.ServiceAccountToken"/> mode.</summary>
    public const string ServiceAccountNamespace = "hoop-system";

    /// <summary>The TokenRequest API's shortest token lifetime.</summary>
    private const long MinTokenSeconds = 600;

    private readonly Kubernetes _client;
    private readonly ServiceClientCredentials? _credentials;
    private readonly ConcurrentDictionary<string, Task<string>> _sessionTokens = new(StringComparer.Ordinal);

    private UpstreamConnection(string name, string destinationPrefix, Kubernetes client, HttpMessageInvoker invoker, ServiceClientCredentials? credentials, ConnectionIdentity identity)
    {
        Name = name;
        Identity = identity;
        DestinationPrefix = destinationPrefix;
        _client = client;
        Invoker = invoker;
        _credentials = credentials;
    }

    public string Name { get; }

    /// <summary>The server URL without a trailing slash; the request target is appended to it.</summary>
    public string DestinationPrefix { get; }

    public HttpMessageInvoker Invoker { get; }

    /// <summary>Whose identity forwarded requests carry.</summary>
    public ConnectionIdentity Identity { get; }

    /// <summary>Adds the gateway's credential for this cluster to <paramref name="request"/>.</summary>
    public Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _credentials is null ? Task.CompletedTask : _credentials.ProcessHttpRequestAsync(request, cancellationToken);

    /// <summary>
    /// Adds the credential and identity for a request of <paramref name="session"/>: the gateway's credential with
    /// <c>Impersonate-User</c> / <c>Impersonate-Group</c>, the session's ServiceAccount token, or the gateway's credential
    /// alone. The agent's own <c>Authorization</c> and <c>Impersonate-*</c> headers never got this far (allow-list).
    /// </summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        switch (Identity)
        {
            case ConnectionIdentity.ServiceAccountToken:
                var token = await ServiceAccountTokenAsync(session, cancellationToken);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                return;
            case ConnectionIdentity.Impersonate:
                await AuthorizeAsync(request, cancellationToken);
                request.Headers.Remove(ImpersonateUser);
                request.Headers.Remove(ImpersonateGroup);
                request.Headers.TryAddWithoutValidation(ImpersonateUser, session.User);
                foreach (var group in session.Groups.Where(g => !global::Hoop.Gateway.Identity.GroupClaims.IsSystem(g)))
                {
                    request.Headers.TryAddWithoutValidation(ImpersonateGroup, group);
                }

                return;
            default:
                await AuthorizeAsync(request, cancellationToken);
                return;
        }
    }

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
        return new UpstreamConnection(settings.Name, config.Host.TrimEnd('/'), client, invoker, Kubernetes.CreateCredentials(config), settings.Identity);
    }

    private const string ImpersonateUser = "Impersonate-User";
    private const string ImpersonateGroup = "Impersonate-Group";

    /// <summary>
    /// The session's token for ServiceAccount <c>hoop-{role}</c> in <see cref="ServiceAccountNamespace"/>, minted once per
    /// session with the TokenRequest API to expire with the session (the API's minimum is ten minutes).
    /// </summary>
    private Task<string> ServiceAccountTokenAsync(Session session, CancellationToken cancellationToken)
    {
        var task = _sessionTokens.GetOrAdd(session.Id, _ => MintAsync(session));
        if (task.IsFaulted)
        {
            _sessionTokens.TryRemove(new KeyValuePair<string, Task<string>>(session.Id, task));
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<string> MintAsync(Session session)
    {
        var seconds = Math.Max(MinTokenSeconds, (long)Math.Ceiling((session.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds));
        var response = await _client.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = seconds, Audiences = [] } },
            "hoop-" + session.Role,
            ServiceAccountNamespace);
        return response.Status?.Token ?? throw new InvalidOperationException("The TokenRequest API returned no token.");
    }

    /// <summary>Whether the connection was disposed (its handler and pooled connections are gone).</summary>
    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        IsDisposed = true;
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

        if (settings.BearerToken is { Length: > 0 } token)
        {
            return string.IsNullOrEmpty(settings.Server)
                ? throw new InvalidOperationException($"Connection \"{settings.Name}\" has a bearer token but no server.")
                : new KubernetesClientConfiguration { Host = settings.Server, AccessToken = token };
        }

        if (settings.KubeconfigFile is { Length: > 0 } file)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(file), settings.Context);
        }

        throw new InvalidOperationException($"Connection \"{settings.Name}\" has no kubeconfig, kubeconfig file or in-cluster setting.");
    }
}
