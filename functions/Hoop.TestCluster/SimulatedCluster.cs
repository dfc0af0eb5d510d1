using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hoop.TestCluster.Http;
using Hoop.TestCluster.Logs;
using Hoop.TestCluster.OpenApi;
using Hoop.TestCluster.Store;
using Hoop.TestCluster.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hoop.TestCluster;

/// <summary>
/// An in-memory Kubernetes API server on loopback HTTPS, good enough for the real kubectl: discovery, OpenAPI,
/// get / list / watch / create / update / patch / delete, logs (with follow), scale, and Status errors.
/// </summary>
/// <remarks>
/// Used by tests, benchmarks and <c>hoop serve --demo</c> as the upstream behind the gateway. It speaks JSON only
/// (protobuf in <c>Accept</c> is ignored), records every request it receives, and needs its bearer token.
/// </remarks>
public sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ClusterContext _context;

    private SimulatedCluster(WebApplication app, ClusterContext context, Uri baseAddress, X509Certificate2 certificate)
    {
        _app = app;
        _context = context;
        BaseAddress = baseAddress;
        Certificate = certificate;
        CertificateAuthorityPem = certificate.ExportCertificatePem();
    }

    /// <summary>The cluster's address, <c>https://127.0.0.1:PORT</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token every request must carry.</summary>
    public string BearerToken => _context.Tokens.ClusterToken;

    /// <summary>The self-signed serving certificate (its own CA; trust it to reach the cluster).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The serving certificate as PEM: the CA a client trusts.</summary>
    public string CertificateAuthorityPem { get; }

    /// <summary>Every request received (the last 10,000), oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _context.Journal.Snapshot();

    /// <summary>The cluster's objects.</summary>
    public ClusterStore Store => _context.Store;

    /// <summary>Starts a cluster on loopback.</summary>
    public static async Task<SimulatedCluster> StartAsync(SimulatedClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatedClusterOptions();
        var certificate = ClusterCertificate.Create(options.TimeProvider);
        var store = new ClusterStore(options.TimeProvider);
        var logs = new PodLogStore(options.TimeProvider);
        store.ObjectRemoved = removed =>
        {
            if (removed.Type == Api.ResourceCatalog.Pods)
            {
                logs.RemovePod(removed.Namespace, removed.Name);
            }
        };
        if (options.Seed)
        {
            SeedLoader.Load(store, logs, options.GitVersion);
        }

        var context = new ClusterContext
        {
            Options = options,
            Store = store,
            Logs = logs,
            Tokens = new TokenAuthority(options.BearerToken ?? TokenAuthority.NewClusterToken(), options.TimeProvider),
            Journal = new RequestJournal(),
            OpenApi = new OpenApiDocuments(options.GitVersion),
        };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatedCluster).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        var router = new ApiRouter(context);
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SimulatedCluster(app, context, new Uri($"https://127.0.0.1:{port}"), certificate);
    }

    /// <summary>Writes a kubeconfig (server, CA data, token) for this cluster and returns its path.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="context">The name of the cluster, user and context in the file.</param>
    public string WriteKubeconfig(string path, string context = "sim")
    {
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(CertificateAuthorityPem));
        var server = BaseAddress.ToString().TrimEnd('/');
        var yaml = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {context}
              cluster:
                server: {server}
                certificate-authority-data: {ca}
            users:
            - name: {context}
              user:
                token: {BearerToken}
            contexts:
            - name: {context}
              context:
                cluster: {context}
                user: {context}
                namespace: default
            current-context: {context}

            """;
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearReceived() => _context.Journal.Clear();

    /// <summary>Appends a line to a container's log; followers of <c>logs -f</c> receive it at once.</summary>
    public void AppendLog(string ns, string pod, string container, string line) => _context.Logs.Append(ns, pod, container, line);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
