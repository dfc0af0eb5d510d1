using Hoop.TestCluster.Api;
using Hoop.TestCluster.OpenApi;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>
/// <c>/openapi/v2</c> (protobuf when asked, else JSON), <c>/openapi/v3</c> and the v3 group version documents,
/// with the apiserver's caching rules: a request with the current <c>hash</c> is immutable; a stale hash redirects.
/// </summary>
internal static class OpenApiHandler
{
    public static Task HandleAsync(HttpContext context, OpenApiDocuments documents, string path)
    {
        if (path == "/openapi/v2")
        {
            return V2Async(context, documents);
        }

        if (path == "/openapi/v3")
        {
            return Responses.WriteJsonAsync(context, 200, documents.V3Root);
        }

        const string Prefix = "/openapi/v3/";
        if (path.StartsWith(Prefix, StringComparison.Ordinal) && documents.V3(path[Prefix.Length..]) is var (json, hash))
        {
            var requested = context.Request.Query["hash"].ToString();
            if (requested.Length > 0 && requested != hash)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = $"{path}?hash={hash}";
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = $"\"{hash}\"";
            context.Response.Headers.CacheControl = requested.Length > 0 ? "public, immutable" : "no-cache, private";
            return Responses.WriteJsonAsync(context, 200, json);
        }

        return Responses.WriteStatusAsync(context, ApiStatus.PathNotFound());
    }

    // kube-openapi's handler: the first acceptable media type wins; JSON for */*; 406 when none fits.
    private static Task V2Async(HttpContext context, OpenApiDocuments documents)
    {
        var accept = context.Request.Headers.Accept.ToString();
        foreach (var clause in (accept.Length == 0 ? "*/*" : accept).Split(','))
        {
            var mediaType = clause.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType is "application/json" or "application/*" or "*/*")
            {
                return Responses.WriteJsonAsync(context, 200, documents.V2Json);
            }

            if (mediaType is "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" or OpenApiDocuments.V2ProtobufContentType)
            {
                return Responses.WriteJsonAsync(context, 200, documents.V2Protobuf, OpenApiDocuments.V2ProtobufContentType);
            }
        }

        context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
        return Task.CompletedTask;
    }
}
