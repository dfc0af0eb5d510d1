using System.Text;
using Microsoft.Extensions.Primitives;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Restricts <c>Accept</c> to JSON so that masking sees every byte: protobuf and CBOR ranges are removed, JSON ranges
/// (with their parameters, e.g. <c>as=Table;v=v1;g=meta.k8s.io</c>) stay in order, wildcards become <c>application/json</c>.
/// </summary>
internal static class AcceptHeader
{
    public const string Json = "application/json";

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
