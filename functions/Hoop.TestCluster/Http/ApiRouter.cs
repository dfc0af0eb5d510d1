using System.Text.Json;
using Hoop.TestCluster.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using YamlDotNet.Core;

namespace Hoop.TestCluster.Http;

/// <summary>
/// The one request delegate: record, authenticate, route by path (discovery, OpenAPI, health, resources), and turn
/// failures into <c>Status</c> objects. A hand-written router, not endpoint routing: Kubernetes paths are easier to
/// read as RequestInfoFactory reads them than to express as route templates.
/// </summary>
internal sealed class ApiRouter(ClusterContext cluster)
{
    private const int MaxBodyBytes = 32 * 1024 * 1024;

    private readonly Discovery _discovery = new(cluster.Options.GitVersion);
    private readonly ResourceHandler _resources = new(cluster);

    public async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        Record(context, body ?? []);
        try
        {
            if (body is null)
            {
                await Responses.WriteStatusAsync(context, new ApiStatus(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBodyBytes}"));
                return;
            }

            if (cluster.Tokens.Authenticate(context.Request.Headers.Authorization) is null)
            {
                await Responses.WriteStatusAsync(context, ApiStatus.Unauthorized());
                return;
            }

            if (cluster.Options.RequireImpersonation && string.IsNullOrEmpty(context.Request.Headers["Impersonate-User"]))
            {
                await Responses.WriteStatusAsync(context, ApiStatus.Forbidden(
                    $"forbidden: User \"{Tokens.TokenAuthority.ClusterUser}\" cannot {context.Request.Method.ToLowerInvariant()} path \"{context.Request.Path}\": this cluster requires impersonation (Impersonate-User)"));
                return;
            }

            await RouteAsync(context, body);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await Responses.WriteStatusAsync(context, e.Status);
        }
        catch (Exception e) when (e is JsonException or YamlException or FormatException or InvalidOperationException && !context.Response.HasStarted)
        {
            // Bodies that do not decode: the apiserver answers 400 with the decoder's message.
            await Responses.WriteStatusAsync(context, ApiStatus.BadRequest(e.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a watch or a log follow ended): nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // A bug here, not in the request: say so as the apiserver says it (and as a test will notice).
            await Responses.WriteStatusAsync(context, new ApiStatus(500, "InternalError", $"Internal error occurred: {e.GetType().Name}: {e.Message}") { HasDetails = true });
        }
    }

    private Task RouteAsync(HttpContext context, byte[] body)
    {
        var path = context.Request.Path.Value is { Length: > 1 } value ? value.TrimEnd('/') : "/";
        var isGet = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (path is "/healthz" or "/readyz" or "/livez" || path.StartsWith("/healthz/", StringComparison.Ordinal)
            || path.StartsWith("/readyz/", StringComparison.Ordinal) || path.StartsWith("/livez/", StringComparison.Ordinal))
        {
            return isGet ? Responses.WriteTextAsync(context, 200, "ok") : Responses.WriteStatusAsync(context, ApiStatus.MethodNotAllowed());
        }

        if (path.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return isGet ? OpenApiHandler.HandleAsync(context, cluster.OpenApi, path) : Responses.WriteStatusAsync(context, ApiStatus.MethodNotAllowed());
        }

        if (_discovery.Find(path) is { } document)
        {
            return isGet ? Responses.WriteJsonAsync(context, 200, document) : Responses.WriteStatusAsync(context, ApiStatus.MethodNotAllowed());
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = parts switch
        {
            ["api", var version, .. var rest] => ResourcePath.Parse("", version, rest),
            ["apis", var group, var version, .. var rest] => ResourcePath.Parse(group, version, rest),
            _ => null,
        };
        return resource is null
            ? Responses.WriteStatusAsync(context, ApiStatus.PathNotFound())
            : _resources.HandleAsync(context, resource, body);
    }

    /// <summary>The whole request body, or null when it is larger than the apiserver would take.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0 || HttpMethods.IsGet(context.Request.Method))
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private void Record(HttpContext context, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        cluster.Journal.Add(new ReceivedRequest(context.Request.Method, rawTarget, headers, body, cluster.Time.GetUtcNow()));
    }
}
