using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.OpenApi;

/// <summary>
/// The cluster's OpenAPI documents, built once at start.
/// </summary>
/// <remarks>
/// <para>v3 (<c>/openapi/v3</c> and one document per group version) is where kubectl learns that the server
/// validates fields (<c>fieldValidation</c> on PATCH) and takes strategic merge patches. The component schemas
/// (embedded <c>schemas.json</c>) are small and describe the fields the seed uses; they deliberately carry no
/// <c>x-kubernetes-group-version-kind</c>, because kubectl computes client-side apply patches from a kind's schema
/// when it finds one, and an incomplete schema would make it warn. Without one it uses its compiled-in types, which
/// are exact.</para>
/// <para>v2 (<c>/openapi/v2</c>) is an empty document (swagger and info only). kubectl 1.27 fetches it on every
/// <c>apply</c> and <c>create -f</c> as protobuf and parses it without looking at the content type, so the
/// protobuf form is served when asked for; JSON otherwise.</para>
/// </remarks>
internal sealed class OpenApiDocuments
{
    /// <summary>What the apiserver answers protobuf with (clients ask with the deprecated <c>...spec.v2@v1.0+protobuf</c>).</summary>
    public const string V2ProtobufContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    private readonly Dictionary<string, (byte[] Json, string Hash)> _v3 = new(StringComparer.Ordinal);

    public OpenApiDocuments(string gitVersion)
    {
        var schemas = LoadSchemas();
        var root = new JsonObject();
        foreach (var (group, version) in ResourceCatalog.GroupVersions)
        {
            var key = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            var components = (JsonObject)schemas.DeepClone();
            foreach (var type in ResourceCatalog.InGroupVersion(group, version))
            {
                components[OpenApiPaths.SchemaName(group, version, type.Kind) + "List"] = ListSchema(type);
            }

            var document = new JsonObject
            {
                ["openapi"] = "3.0.0",
                ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = gitVersion },
                ["paths"] = OpenApiPaths.For(group, version),
                ["components"] = new JsonObject { ["schemas"] = components },
            };
            var json = Json.ToUtf8(document);
            var hash = Convert.ToHexString(SHA512.HashData(json));
            _v3[key] = (json, hash);
            root[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
        }

        V3Root = Json.ToUtf8(new JsonObject { ["paths"] = root });
        V2Json = Json.ToUtf8(new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = gitVersion },
            ["paths"] = new JsonObject(),
            ["definitions"] = new JsonObject(),
        });

        // gnostic openapi_v2.Document: swagger = 1, info = 2 (Info: title = 1, version = 2).
        V2Protobuf = new ProtobufWriter()
            .String(1, "2.0")
            .Message(2, new ProtobufWriter().String(1, "Kubernetes").String(2, gitVersion))
            .ToArray();
    }

    public byte[] V3Root { get; }

    public byte[] V2Json { get; }

    public byte[] V2Protobuf { get; }

    /// <summary>The v3 document of a group version (<c>apis/apps/v1</c>) and its hash, or null.</summary>
    public (byte[] Json, string Hash)? V3(string key) => _v3.TryGetValue(key, out var document) ? document : null;

    private static JsonObject LoadSchemas()
    {
        using var stream = typeof(OpenApiDocuments).Assembly.GetManifestResourceStream("Hoop.TestCluster.OpenApi.schemas.json")
            ?? throw new InvalidOperationException("the embedded OpenAPI schemas are missing");
        return (JsonObject)JsonNode.Parse(stream)!["components"]!["schemas"]!;
    }

    private static JsonObject ListSchema(ResourceType type) => new()
    {
        ["description"] = $"{type.ListKind} is a list of {type.Kind} objects.",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["items"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = $"#/components/schemas/{OpenApiPaths.SchemaName(type.Group, type.Version, type.Kind)}" },
            },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = new JsonObject { ["$ref"] = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta" },
        },
    };
}
