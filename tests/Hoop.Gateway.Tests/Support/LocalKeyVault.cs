using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Hoop.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Tests.Support;

/// <summary>
/// A local HTTPS endpoint that speaks Key Vault's secrets REST API (set, get, update attributes, list) including its
/// bearer challenge: a request without the expected token gets 401 with <c>WWW-Authenticate: Bearer authorization=...,
/// resource=...</c>, as the real service answers, so the real <see cref="SecretClient"/> runs its challenge policy.
/// Semantics copied from the service: a disabled secret's GET is 403 <c>SecretDisabled</c>; expiry is not enforced.
/// </summary>
internal sealed class LocalKeyVault : IAsyncDisposable
{
    public const string AccessToken = "local-key-vault-test-token";

    private readonly ConcurrentDictionary<string, Secret> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private int _version;

    private LocalKeyVault(WebApplication app, X509Certificate2 certificate, Uri uri)
    {
        _app = app;
        _certificate = certificate;
        VaultUri = uri;
    }

    public Uri VaultUri { get; private set; }

    /// <summary>Requests that reached the API with a valid token, as "METHOD path".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many requests were refused with the 401 challenge.</summary>
    public int Challenges => _challenges;

    private int _challenges;

    /// <summary>Every secret value currently stored (for leak searches).</summary>
    public IEnumerable<string> Values => _secrets.Values.Select(s => s.Value);

    public static async Task<LocalKeyVault> StartAsync()
    {
        var certificate = DevCertificate.Create("local-key-vault", TimeSpan.FromDays(1));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var vault = new LocalKeyVault(app, certificate, new Uri("https://127.0.0.1"));
        app.Run(vault.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        vault.VaultUri = new Uri($"https://127.0.0.1:{new Uri(address).Port}/");
        return vault;
    }

    /// <summary>A real SecretClient for this vault: the local CA trusted by its transport, a test credential, loopback challenge.</summary>
    public SecretClient CreateClient()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(_certificate.RawData);
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(handler)),
            DisableChallengeResourceVerification = true,
            Retry = { MaxRetries = 0 },
        };
        return new SecretClient(VaultUri, new StaticTokenCredential(), options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            Interlocked.Increment(ref _challenges);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate =
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";
            return;
        }

        var path = context.Request.Path.Value!.TrimEnd('/');
        Requests.Enqueue($"{context.Request.Method} {path}");
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["secrets", ..])
        {
            await ErrorAsync(context, 404, "NotFound", "unknown path");
            return;
        }

        switch (context.Request.Method, parts.Length)
        {
            case ("GET", 1):
                await WriteAsync(context, 200, new JsonObject { ["value"] = new JsonArray([.. _secrets.Values.OrderBy(s => s.Name).Select(s => (JsonNode)Item(s))]), ["nextLink"] = null });
                return;
            case ("GET", 3) when parts[2] == "versions":
                await VersionsAsync(context, parts[1]);
                return;
            case ("PUT", 2):
                await SetAsync(context, parts[1]);
                return;
            case ("GET", 2 or 3):
                await GetAsync(context, parts[1]);
                return;
            case ("PATCH", 2 or 3):
                await UpdateAsync(context, parts[1]);
                return;
            default:
                await ErrorAsync(context, 405, "BadRequest", "unsupported");
                return;
        }
    }

    private async Task SetAsync(HttpContext context, string name)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var secret = new Secret(name, (string)body["value"]!, Interlocked.Increment(ref _version).ToString("x32", System.Globalization.CultureInfo.InvariantCulture))
        {
            ContentType = (string?)body["contentType"],
            Tags = body["tags"]?.AsObject().ToDictionary(t => t.Key, t => (string)t.Value!) ?? [],
            Enabled = (bool?)body["attributes"]?["enabled"] ?? true,
            Expires = (long?)body["attributes"]?["exp"],
            Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        _secrets[name] = secret;
        await WriteAsync(context, 200, Bundle(secret, withValue: true));
    }

    private async Task GetAsync(HttpContext context, string name)
    {
        if (!_secrets.TryGetValue(name, out var secret))
        {
            await ErrorAsync(context, 404, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
            return;
        }

        if (!secret.Enabled)
        {
            await ErrorAsync(context, 403, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled");
            return;
        }

        await WriteAsync(context, 200, Bundle(secret, withValue: true));
    }

    private async Task VersionsAsync(HttpContext context, string name)
    {
        var items = new JsonArray();
        if (_secrets.TryGetValue(name, out var secret))
        {
            var item = Item(secret);
            item["id"] = new Uri(VaultUri, $"secrets/{secret.Name}/{secret.Version}").ToString();
            items.Add(item);
        }

        await WriteAsync(context, 200, new JsonObject { ["value"] = items, ["nextLink"] = null });
    }

    private async Task UpdateAsync(HttpContext context, string name)
    {
        if (!_secrets.TryGetValue(name, out var secret))
        {
            await ErrorAsync(context, 404, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
            return;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if ((bool?)body["attributes"]?["enabled"] is { } enabled)
        {
            secret.Enabled = enabled;
        }

        await WriteAsync(context, 200, Bundle(secret, withValue: false));
    }

    private JsonObject Bundle(Secret secret, bool withValue)
    {
        var bundle = Item(secret);
        bundle["id"] = new Uri(VaultUri, $"secrets/{secret.Name}/{secret.Version}").ToString();
        if (withValue)
        {
            bundle["value"] = secret.Value;
        }

        return bundle;
    }

    private JsonObject Item(Secret secret) => new()
    {
        ["id"] = new Uri(VaultUri, $"secrets/{secret.Name}").ToString(),
        ["contentType"] = secret.ContentType,
        ["attributes"] = new JsonObject
        {
            ["enabled"] = secret.Enabled,
            ["exp"] = secret.Expires,
            ["created"] = secret.Created,
            ["updated"] = secret.Created,
            ["recoveryLevel"] = "Recoverable+Purgeable",
        },
        ["tags"] = new JsonObject([.. secret.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]),
    };

    private static Task ErrorAsync(HttpContext context, int status, string code, string message, string? inner = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (inner is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = inner };
        }

        return WriteAsync(context, status, new JsonObject { ["error"] = error });
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private sealed class Secret(string name, string value, string version)
    {
        public string Name { get; } = name;

        public string Value { get; } = value;

        public string Version { get; } = version;

        public string? ContentType { get; init; }

        public Dictionary<string, string> Tags { get; init; } = [];

        public bool Enabled { get; set; }

        public long? Expires { get; init; }

        public long Created { get; init; }
    }

    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new(AccessToken, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
