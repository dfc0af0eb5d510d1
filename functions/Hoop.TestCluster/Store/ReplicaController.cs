using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Store;

/// <summary>
/// A lazy stand-in for the deployment and statefulset controllers: when a workload is written, its pods are made
/// to match <c>spec.replicas</c> (new pods from the template; the most recently created removed first). Deleting a pod by hand does
/// not bring it back, so tests that delete seeded pods see them gone.
/// </summary>
internal static class ReplicaController
{
    public static void Reconcile(StoredObject stored, ClusterStore store)
    {
        if (!store.ControllersEnabled)
        {
            return;
        }

        var workload = stored.ToNode();
        var selector = ObjectDefaults.MatchLabels(workload);
        if (selector.Count == 0 || workload["spec"]?["template"] is not JsonObject template)
        {
            return;
        }

        var wanted = Json.AsLong(workload["spec"]?["replicas"]) ?? 1;
        var pods = store.Snapshot(ResourceCatalog.Pods, stored.Namespace).Items
            .Where(p => selector.All(l => p.Labels.GetValueOrDefault(l.Key) == l.Value))
            .OrderBy(p => p.CreatedRevision)
            .ToList();
        for (var count = pods.Count; count < wanted; count++)
        {
            store.Create(ResourceCatalog.Pods, stored.Namespace, PodFromTemplate(stored, template, store), dryRun: false);
        }

        foreach (var extra in pods.Skip((int)Math.Max(wanted, 0)).Reverse())
        {
            store.Delete(ResourceCatalog.Pods, extra.Namespace, extra.Name, dryRun: false);
        }
    }

    private static JsonObject PodFromTemplate(StoredObject workload, JsonObject template, ClusterStore store)
    {
        var templateMetadata = template["metadata"]?.DeepClone() as JsonObject ?? [];
        var metadata = new JsonObject { ["labels"] = templateMetadata["labels"]?.DeepClone() ?? new JsonObject() };
        if (templateMetadata["annotations"] is { } annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        if (workload.Type == ResourceCatalog.StatefulSets)
        {
            var ordinal = 0;
            while (store.Find(ResourceCatalog.Pods, workload.Namespace, $"{workload.Name}-{ordinal}") is not null)
            {
                ordinal++;
            }

            metadata["name"] = $"{workload.Name}-{ordinal.ToString(CultureInfo.InvariantCulture)}";
        }
        else
        {
            var hash = TemplateHash(template);
            ((JsonObject)metadata["labels"]!)["pod-template-hash"] = hash;
            metadata["generateName"] = $"{workload.Name}-{hash}-";
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    private static string TemplateHash(JsonObject template)
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(template.ToJsonString()));
        return string.Concat(digest.Take(10).Select(b => Alphabet[b % Alphabet.Length]));
    }
}
