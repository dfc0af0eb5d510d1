using System.Text;
using Microsoft.Extensions.Primitives;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Restricts <c>Accept</c> to JSON so that masking sees every byte: protobuf and CBOR ranges are removed, JSON ranges
/// (with their parameters, e.g. <c>as=Table;v=v1;g=meta.k8s.io</c>) stay in order, wildcards become <c>application/json</c>.
/// </summary>
/// <remarks>
/// One exception: the OpenAPI v2 document (<c>/openapi/v2</c>, a non-resource URL) may be fetched as protobuf, because
/// kubectl 1.27–1.29 parse it only in that form (client-side apply and validation fail otherwise). It is the cluster's
/// schema, not data; see <see cref="IsSchemaDocument"/> and docs/security/invariants.md row 4.
/// </remarks>
internal static class AcceptHeader
{
    public const string Json = "application/json";

    /// <summary>The OpenAPI v2 protobuf media type kubectl asks for.</summary>
    public const string OpenApiV2Protobuf = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    /// <summary>Whether the request reads the OpenAPI v2 schema document (the only place protobuf may be asked for).</summary>
    public static bool IsSchemaDocument(Requests.RequestInfo info) => !info.IsResourceRequest && info.Path == "/openapi/v2" && info.Verb == "get";

    /// <summary>The Accept header for the OpenAPI v2 document: its protobuf form and JSON, nothing else.</summary>
    public static string ForSchemaDocument(StringValues accept)
    {
        var wantsProtobuf = accept.Any(v => v?.Contains(OpenApiV2Protobuf, StringComparison.OrdinalIgnoreCase) == true);
        return wantsProtobuf ? OpenApiV2Protobuf + "," + Json : Json;
    }

    public static string RestrictToJson(StringValues accept)
    {
        var result = new StringBuilder();
        var addedPlainJson = false;
        foreach (var value in accept)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var range in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var semicolon = range.IndexOf(';', StringComparison.Ordinal);
                var mediaType = (semicolon < 0 ? range : range[..semicolon]).Trim();
                string? keep = null;
                if (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
                {
                    keep = semicolon < 0 ? Json : range;
                }
                else if (mediaType is "*/*" || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
                {
                    keep = Json;
                }

                if (keep is null || (keep is Json && addedPlainJson))
                {
                    continue;
                }

                addedPlainJson |= keep is Json;
                if (result.Length > 0)
                {
                    result.Append(',');
                }

                result.Append(keep);
            }
        }

        return result.Length == 0 ? Json : result.ToString();
    }
}
