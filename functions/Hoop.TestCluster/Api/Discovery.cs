using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hoop.TestCluster.Api;

/// <summary>
/// Legacy (non-aggregated) discovery documents, built once from the catalog: <c>/api</c>, <c>/api/v1</c>,
/// <c>/apis</c>, <c>/apis/{group}</c>, <c>/apis/{group}/{version}</c>, and <c>/version</c>.
/// </summary>
/// <remarks>
/// kubectl 1.27+ asks for aggregated discovery first (<c>as=APIGroupDiscoveryList</c>) and falls back to these
/// when the response's content type is plain <c>application/json</c>.
/// </remarks>
internal sealed partial class Discovery
{
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);

    public Discovery(string gitVersion)
    {
        var match = VersionPattern().Match(gitVersion);
        _documents["/version"] = Json.ToUtf8(new JsonObject
        {
            ["major"] = match.Success ? match.Groups[1].Value : "1",
            ["minor"] = match.Success ? match.Groups[2].Value : "0",
            ["gitVersion"] = gitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.24.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        });
        _documents["/api"] = Json.ToUtf8(new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "192.168.49.2:8443" }),
        });
        var groups = new JsonArray();
        foreach (var (group, version) in ResourceCatalog.GroupVersions)
        {
            if (group.Length == 0)
            {
                _documents[$"/api/{version}"] = Json.ToUtf8(ResourceList(group, version));
                continue;
            }

            var groupVersion = new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version };
            var apiGroup = new JsonObject
            {
                ["name"] = group,
                ["versions"] = new JsonArray(groupVersion.DeepClone()),
                ["preferredVersion"] = groupVersion.DeepClone(),
            };
            groups.Add(apiGroup.DeepClone());
            _documents[$"/apis/{group}"] = Json.ToUtf8(new JsonObject
            {
                ["kind"] = "APIGroup",
                ["apiVersion"] = "v1",
                ["name"] = group,
                ["versions"] = new JsonArray(groupVersion.DeepClone()),
                ["preferredVersion"] = groupVersion.DeepClone(),
            });
            _documents[$"/apis/{group}/{version}"] = Json.ToUtf8(ResourceList(group, version));
        }

        _documents["/apis"] = Json.ToUtf8(new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups });
    }

    /// <summary>The discovery document at a path, or null.</summary>
    public byte[]? Find(string path) => _documents.GetValueOrDefault(path);

    private static JsonObject ResourceList(string group, string version)
    {
        var resources = new JsonArray();
        foreach (var type in ResourceCatalog.InGroupVersion(group, version))
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.Verbs),
            };
            if (type.ShortNames.Count > 0)
            {
                resource["shortNames"] = Strings(type.ShortNames);
            }

            if (type.Categories.Count > 0)
            {
                resource["categories"] = Strings(type.Categories);
            }

            resources.Add(resource);
            foreach (var sub in type.Subresources)
            {
                var subresource = new JsonObject { ["name"] = $"{type.Plural}/{sub.Name}", ["singularName"] = "", ["namespaced"] = type.Namespaced };
                if (sub.Group is not null)
                {
                    subresource["group"] = sub.Group;
                    subresource["version"] = sub.Version;
                }

                subresource["kind"] = sub.Kind.Length > 0 ? sub.Kind : type.Kind;
                subresource["verbs"] = Strings(sub.Verbs);
                resources.Add(subresource);
            }
        }

        var list = new JsonObject { ["kind"] = "APIResourceList" };
        if (group.Length > 0)
        {
            list["apiVersion"] = "v1";
        }

        list["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}";
        list["resources"] = resources;
        return list;
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => JsonValue.Create(v))];

    [GeneratedRegex(@"^v(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
