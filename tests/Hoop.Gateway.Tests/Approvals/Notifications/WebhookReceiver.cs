using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

/// <summary>
/// A local Kestrel endpoint that speaks the Teams workflow webhook's side of the protocol: it takes POSTs at
/// <c>/workflows/hook?sig=...</c>, records each body, and answers with the next scripted status (then 202 Accepted).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Signature = "SECRET-SIGNATURE-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)> _script;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<(HttpStatusCode, string?)> script, ConcurrentQueue<string> posts, Uri url)
    {
        _app = app;
        _script = script;
        Posts = posts;
        Url = url;
    }

    /// <summary>Every body posted, in order.</summary>
    public ConcurrentQueue<string> Posts { get; }

    /// <summary>The webhook URL, signature included.</summary>
    public Uri Url { get; }

    public static async Task<WebhookReceiver> StartAsync(params (HttpStatusCode Status, string? RetryAfter)[] script)
    {
        var queue = new ConcurrentQueue<(HttpStatusCode, string?)>(script);
        var posts = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/workflows/hook", async (HttpContext context) =>
        {
            if (context.Request.Query["sig"] != Signature || context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
            {
                return Results.StatusCode(401);
            }

            using var reader = new StreamReader(context.Request.Body);
            posts.Enqueue(await reader.ReadToEndAsync());
            if (queue.TryDequeue(out var next))
            {
                if (next.Item2 is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                return Results.StatusCode((int)next.Item1);
            }

            return Results.StatusCode(202);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookReceiver(app, queue, posts, new Uri(new Uri(address), "/workflows/hook?api-version=2016-06-01&sig=" + Signature));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
