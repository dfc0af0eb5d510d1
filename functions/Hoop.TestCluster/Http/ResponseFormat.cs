namespace Hoop.TestCluster.Http;

/// <summary>What a client's <c>Accept</c> header asks for: plain JSON, or a <c>meta.k8s.io</c> Table.</summary>
/// <param name="TableVersion">The Table's version (<c>v1</c> or <c>v1beta1</c>), or null for plain JSON.</param>
internal sealed record ResponseFormat(string? TableVersion)
{
    public static readonly ResponseFormat Json = new((string?)null);

    public bool IsTable => TableVersion is not null;

    /// <summary>
    /// Picks the first acceptable media type. Protobuf, CBOR and YAML are skipped (this server speaks JSON; kubectl
    /// lists JSON as a fallback), and so are the <c>as=</c> variants it does not serve (aggregated discovery,
    /// PartialObjectMetadata): with nothing left, the answer is plain JSON.
    /// </summary>
    public static ResponseFormat FromAccept(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return Json;
        }

        foreach (var mediaType in accept.Split(','))
        {
            var parts = mediaType.Split(';', StringSplitOptions.TrimEntries);
            var type = parts[0].ToLowerInvariant();
            var parameters = parts.Skip(1)
                .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].ToLowerInvariant(), p => p[1], StringComparer.Ordinal);
            if (type is not ("application/json" or "application/*" or "*/*"))
            {
                continue;
            }

            if (!parameters.TryGetValue("as", out var kind))
            {
                return Json;
            }

            if (kind == "Table" && parameters.GetValueOrDefault("g") == "meta.k8s.io" && parameters.GetValueOrDefault("v") is "v1" or "v1beta1")
            {
                return new ResponseFormat(parameters["v"]);
            }
        }

        return Json;
    }
}
