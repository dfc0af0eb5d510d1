using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Hoop.Gateway.Sessions;

namespace Hoop.Cli.Serve;

/// <summary>A running <c>hoop serve</c> as its state folder describes it (<c>gateway.json</c>: url, caFile).</summary>
internal sealed class LocalGateway
{
    private LocalGateway(string stateDir, Uri url, string? caFile)
    {
        StateDir = stateDir;
        Url = url;
        CaFile = caFile;
    }

    public string StateDir { get; }

    public Uri Url { get; }

    public string? CaFile { get; }

    /// <summary>Reads <c>DIR/gateway.json</c>.</summary>
    public static async Task<LocalGateway> LoadAsync(string stateDir, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetFullPath(stateDir), "gateway.json");
        if (!File.Exists(path))
        {
            throw new CliException($"no running gateway described in {path}: start one with 'hoop serve --demo --state-dir {stateDir}', or pass --gateway");
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))!;
        return new LocalGateway(Path.GetFullPath(stateDir), new Uri((string)json["url"]!), (string?)json["caFile"]);
    }

    /// <summary>A token of the dev issuer for demo user <paramref name="user"/>, signed with the key in the state folder.</summary>
    public async Task<string> DevTokenAsync(string user, CancellationToken cancellationToken)
    {
        if (!DevIdentityProvider.Users.ContainsKey(user))
        {
            throw new CliException($"'{user}' is not a demo user (alice, bob, carol)");
        }

        var provider = await DevIdentityProvider.LoadOrCreateAsync(new FileSecretStore(Path.Combine(StateDir, "secrets")), cancellationToken);
        return provider.At(Url).IssueToken(user, TimeProvider.System);
    }

    /// <summary>An HTTP client for <see cref="Url"/>, trusting the gateway's CA file when there is one.</summary>
    public static HttpClient Client(Uri url, string? caFile)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (caFile is not null && File.Exists(caFile))
        {
            var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(ca.RawData);
        }

        return new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
    }
}
