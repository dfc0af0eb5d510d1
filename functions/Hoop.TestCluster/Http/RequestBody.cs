using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Patching;
using Hoop.TestCluster.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>Request bodies: JSON (or YAML) objects; protobuf and CBOR are refused, as a JSON-only server must.</summary>
internal static class RequestBody
{
    public static string MediaType(HttpContext context) =>
        (context.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    public static JsonObject ParseObject(HttpContext context, byte[] body)
    {
        var mediaType = MediaType(context);
        if (mediaType == KubernetesProtobuf.MediaType && body.Length > 0)
        {
            return KubernetesProtobuf.Decode(body);
        }

        if (mediaType.Contains("protobuf", StringComparison.Ordinal) || mediaType.Contains("cbor", StringComparison.Ordinal))
        {
            throw new ApiException(new ApiStatus(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml; got {mediaType}"));
        }

        if (body.Length == 0)
        {
            throw new ApiException(ApiStatus.BadRequest("the body of the request was empty"));
        }

        var node = mediaType is "application/yaml" or "application/x-yaml" or "text/yaml"
            ? YamlToJson.Parse(Encoding.UTF8.GetString(body))
            : Json.ParseObject(body);
        return node as JsonObject ?? throw new ApiException(ApiStatus.BadRequest("the body of the request must be a JSON object"));
    }
}
