using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Http;

/// <summary>
/// A resource request's path read as k8s.io/apiserver's RequestInfoFactory reads it:
/// <c>/api/v1/namespaces/{ns}/{resource}/{name}/{subresource}</c> and <c>/apis/{group}/{version}/...</c>.
/// </summary>
internal sealed record ResourcePath(ResourceType Type, string Namespace, string Name, string Subresource)
{
    private static readonly string[] NamespaceSubresources = ["status", "finalize"];

    /// <summary>Parses the parts after the group version; null when they name no served resource.</summary>
    public static ResourcePath? Parse(string group, string version, ReadOnlySpan<string> parts)
    {
        var ns = "";
        if (parts.Length > 1 && parts[0] == "namespaces")
        {
            ns = parts[1];
            if (parts.Length > 2 && !NamespaceSubresources.Contains(parts[2]))
            {
                parts = parts[2..];
            }
        }

        if (parts.Length is 0 or > 3)
        {
            return null;
        }

        var type = ResourceCatalog.Find(group, version, parts[0]);
        if (type is null)
        {
            return null;
        }

        var name = parts.Length > 1 ? parts[1] : "";
        var subresource = parts.Length > 2 ? parts[2] : "";
        if (subresource.Length > 0 && type.FindSubresource(subresource) is null)
        {
            return null;
        }

        // A namespaced resource addressed without a namespace is the all-namespaces collection (list and watch only).
        return new ResourcePath(type, type.Namespaced ? ns : "", name, subresource);
    }
}
