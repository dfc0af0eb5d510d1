namespace Hoop.Gateway.Masking;

/// <summary>Maps a Content-Type (and Content-Encoding) to the masker that handles it.</summary>
public static class BodyFormats
{
    /// <summary>
    /// JSON for <c>application/json</c> and <c>application/*+json</c> (any parameters: <c>stream=watch</c>, <c>as=Table</c>);
    /// text for <c>text/plain</c> and YAML; everything else, and any content encoding other than identity, is refused.
    /// </summary>
    public static BodyFormat Classify(string? contentType, string? contentEncoding = null)
    {
        if (!string.IsNullOrWhiteSpace(contentEncoding) && !contentEncoding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return BodyFormat.Refused;
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            return BodyFormat.Refused;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var media = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        if (media is "application/json" || (media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal)))
        {
            return BodyFormat.Json;
        }

        return media is "text/plain" or "application/yaml" or "application/x-yaml" or "text/yaml" or "application/apply-patch+yaml"
            ? BodyFormat.Text
            : BodyFormat.Refused;
    }
}
