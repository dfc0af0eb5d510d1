using System.Text.Json.Serialization;

namespace Hoop.Gateway.Requests;

/// <summary>
/// The Kubernetes API server's reading of a request: a faithful mirror of
/// <c>k8s.io/apiserver/pkg/endpoints/request.RequestInfo</c>.
/// </summary>
/// <remarks>
/// Absent strings are <c>""</c>, never <see langword="null"/>, exactly as the apiserver leaves them,
/// so that <c>hoop explain</c> prints what the API server would record for authorization.
/// <see cref="FieldSelector"/> and <see cref="LabelSelector"/> are the raw selector strings the
/// apiserver keeps on the request info for authorization (set for list, watch and deletecollection).
/// </remarks>
public sealed record RequestInfo
{
    /// <summary>Whether the request is for an API resource (as opposed to a non-resource URL such as <c>/version</c>).</summary>
    [JsonPropertyName("isResourceRequest")]
    public bool IsResourceRequest { get; init; }

    /// <summary>The URL path of the request.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "";

    /// <summary>The Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection, proxy) or the lower-case HTTP method for non-resource requests.</summary>
    [JsonPropertyName("verb")]
    public string Verb { get; init; } = "";

    [JsonPropertyName("apiPrefix")]
    public string ApiPrefix { get; init; } = "";

    [JsonPropertyName("apiGroup")]
    public string ApiGroup { get; init; } = "";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "";

    [JsonPropertyName("namespace")]
    public string Namespace { get; init; } = "";

    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    [JsonPropertyName("subresource")]
    public string Subresource { get; init; } = "";

    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("parts")]
    public IReadOnlyList<string> Parts { get; init; } = [];

    [JsonPropertyName("fieldSelector")]
    public string FieldSelector { get; init; } = "";

    [JsonPropertyName("labelSelector")]
    public string LabelSelector { get; init; } = "";
}
