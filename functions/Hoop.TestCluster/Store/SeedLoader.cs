using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Logs;
using Hoop.TestCluster.Patching;

namespace Hoop.TestCluster.Store;

/// <summary>Loads the embedded seed (<c>Seed/*.yaml</c>): namespaces first, then the objects, then the pod logs.</summary>
internal static class SeedLoader
{
    private const string Prefix = "Hoop.TestCluster.Seed.";
    private const string LogsResource = Prefix + "pod-logs.yaml";

    public static void Load(ClusterStore store, PodLogStore logs, string gitVersion)
    {
        var assembly = typeof(SeedLoader).Assembly;
        var documents = new List<JsonObject>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal) && n != LogsResource).Order(StringComparer.Ordinal))
        {
            var text = Read(resource).Replace("{{gitVersion}}", gitVersion, StringComparison.Ordinal);
            documents.AddRange(YamlToJson.ParseDocuments(text).Cast<JsonObject>());
        }

        // The seed places its own pods: the controllers must not add pods for the workloads it loads.
        store.ControllersEnabled = false;
        try
        {
            foreach (var document in documents.OrderBy(d => Json.GetString(d, "kind") == "Namespace" ? 0 : 1))
            {
                var type = ResourceCatalog.FindByKind(Json.GetString(document, "apiVersion") ?? "", Json.GetString(document, "kind") ?? "")
                    ?? throw new InvalidOperationException($"the seed holds a kind the cluster does not serve: {document["kind"]}");
                store.Create(type, Json.GetString(document, "metadata", "namespace") ?? "", document, dryRun: false);
            }
        }
        finally
        {
            store.ControllersEnabled = true;
        }

        if (YamlToJson.Parse(Read(LogsResource)) is JsonObject podLogs)
        {
            foreach (var (key, lines) in podLogs)
            {
                var parts = key.Split('/');
                foreach (var line in lines as JsonArray ?? [])
                {
                    logs.Append(parts[0], parts[1], parts[2], line!.GetValue<string>());
                }
            }
        }
    }

    private static string Read(string resource)
    {
        using var stream = typeof(SeedLoader).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing embedded seed {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
