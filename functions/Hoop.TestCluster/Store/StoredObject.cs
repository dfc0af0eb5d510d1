using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Store;

/// <summary>An object at one resource version: immutable, kept as its serialised bytes so lists are cheap to write.</summary>
internal sealed class StoredObject
{
    /// <param name="type">The object's resource.</param>
    /// <param name="node">The object (serialised now; not kept).</param>
    /// <param name="createdRevision">The resource version it was created at, when this is a later state of it.</param>
    public StoredObject(ResourceType type, JsonObject node, long? createdRevision = null)
    {
        Type = type;
        var metadata = node["metadata"] as JsonObject;
        Namespace = Json.GetString(metadata, "namespace") ?? "";
        Name = Json.GetString(metadata, "name") ?? "";
        ResourceVersion = long.Parse(Json.GetString(metadata, "resourceVersion") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata?["labels"] is JsonObject labelNode)
        {
            foreach (var (key, value) in labelNode)
            {
                labels[key] = value?.GetValue<string>() ?? "";
            }
        }

        Labels = labels;
        Utf8 = Json.ToUtf8(node);
        CreatedRevision = createdRevision ?? ResourceVersion;
    }

    public ResourceType Type { get; }

    public string Namespace { get; }

    public string Name { get; }

    public long ResourceVersion { get; }

    /// <summary>The resource version the object was created at: the order in which objects came to be.</summary>
    public long CreatedRevision { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The object's JSON; never changed after construction.</summary>
    public byte[] Utf8 { get; }

    /// <summary>A fresh, mutable copy of the object.</summary>
    public JsonObject ToNode() => Json.ParseObject(Utf8);
}
