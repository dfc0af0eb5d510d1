using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Store;

/// <summary>
/// What the apiserver's defaulting, the scheduler and the kubelet would fill in, so objects created through the
/// simulated cluster look like a running cluster's: pods run, services get a cluster IP, workloads report ready.
/// </summary>
internal static class ObjectDefaults
{
    public const string NodeName = "sim-node-1";

    public static void OnCreate(ResourceType type, JsonObject obj, ClusterStore store)
    {
        var metadata = (JsonObject)obj["metadata"]!;
        if (type == ResourceCatalog.Namespaces)
        {
            Json.GetOrAddObject(metadata, "labels")["kubernetes.io/metadata.name"] = Json.GetString(metadata, "name");
            Json.GetOrAddObject(obj, "spec")["finalizers"] ??= new JsonArray("kubernetes");
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
        else if (type == ResourceCatalog.Pods)
        {
            DefaultPod(obj, store.NextAddress());
        }
        else if (type == ResourceCatalog.Services)
        {
            DefaultService(obj, store.NextAddress());
        }
        else if (type == ResourceCatalog.Secrets)
        {
            obj["type"] ??= "Opaque";
            MergeStringData(obj);
        }
        else if (type == ResourceCatalog.Events)
        {
            // Events written without times (the seed's) happened when they were stored.
            obj["firstTimestamp"] ??= metadata["creationTimestamp"]?.DeepClone();
            obj["lastTimestamp"] ??= metadata["creationTimestamp"]?.DeepClone();
            obj["count"] ??= 1;
        }
        else if (type == ResourceCatalog.Deployments || type == ResourceCatalog.StatefulSets)
        {
            metadata["generation"] = 1;
            var spec = Json.GetOrAddObject(obj, "spec");
            spec["replicas"] ??= 1;
            spec["revisionHistoryLimit"] ??= 10;
            WorkloadStatus(type, obj);
        }
    }

    /// <param name="type">The resource.</param>
    /// <param name="old">The object before the update.</param>
    /// <param name="updated">The object about to be stored (changed in place).</param>
    /// <param name="statusOnly">A write to the status subresource: the status written is kept as it is.</param>
    public static void OnUpdate(ResourceType type, JsonObject old, JsonObject updated, bool statusOnly)
    {
        if (type == ResourceCatalog.Secrets)
        {
            MergeStringData(updated);
        }
        else if (type == ResourceCatalog.Deployments || type == ResourceCatalog.StatefulSets)
        {
            var generation = Json.AsLong(old["metadata"]?["generation"]) ?? 1;
            if (!JsonNode.DeepEquals(old["spec"], updated["spec"]))
            {
                generation++;
            }

            updated["metadata"]!["generation"] = generation;
            Json.GetOrAddObject(updated, "spec")["replicas"] ??= 1;
            if (!statusOnly)
            {
                WorkloadStatus(type, updated);
            }
        }
    }

    /// <summary>After a committed write: workloads get the number of pods they ask for.</summary>
    public static void AfterCommit(StoredObject stored, ClusterStore store)
    {
        if (stored.Type == ResourceCatalog.Deployments || stored.Type == ResourceCatalog.StatefulSets)
        {
            ReplicaController.Reconcile(stored, store);
        }
    }

    public static Dictionary<string, string> MatchLabels(JsonObject workload)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (workload["spec"]?["selector"]?["matchLabels"] is JsonObject matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                labels[key] = value?.ToString() ?? "";
            }
        }

        return labels;
    }

    public static string Selector(JsonObject workload) =>
        string.Join(",", MatchLabels(workload).Select(l => $"{l.Key}={l.Value}"));

    private static void DefaultPod(JsonObject pod, int address)
    {
        var spec = Json.GetOrAddObject(pod, "spec");
        spec["nodeName"] ??= NodeName;
        spec["restartPolicy"] ??= "Always";
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["serviceAccountName"] ??= "default";
        spec["terminationGracePeriodSeconds"] ??= 30;
        if (pod["status"] is JsonObject { Count: > 0 })
        {
            return;
        }

        var now = Json.GetString(pod, "metadata", "creationTimestamp");
        var statuses = new JsonArray();
        foreach (var container in spec["containers"] as JsonArray ?? [])
        {
            foreach (var port in container!["ports"] as JsonArray ?? [])
            {
                port!["protocol"] ??= "TCP";
            }

            container["imagePullPolicy"] ??= Json.GetString(container, "image")?.EndsWith(":latest", StringComparison.Ordinal) == false ? "IfNotPresent" : "Always";
            statuses.Add(new JsonObject
            {
                ["name"] = Json.GetString(container, "name"),
                ["image"] = Json.GetString(container, "image"),
                ["imageID"] = "",
                ["containerID"] = "containerd://" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N")))[..64],
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } },
            });
        }

        var conditions = new JsonArray();
        foreach (var condition in new[] { "Initialized", "Ready", "ContainersReady", "PodScheduled" })
        {
            conditions.Add(new JsonObject { ["type"] = condition, ["status"] = "True", ["lastTransitionTime"] = now });
        }

        var podIp = $"10.244.{address / 250 % 250}.{(address % 250) + 2}";
        pod["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = conditions,
            ["hostIP"] = "192.168.49.2",
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = "192.168.49.2" }),
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = now,
            ["containerStatuses"] = statuses,
            ["qosClass"] = "BestEffort",
        };
    }

    private static void DefaultService(JsonObject service, int address)
    {
        var spec = Json.GetOrAddObject(service, "spec");
        spec["type"] ??= "ClusterIP";
        if (spec["clusterIP"] is null)
        {
            var ip = $"10.96.{address / 250 % 250}.{(address % 250) + 2}";
            spec["clusterIP"] = ip;
        }

        spec["clusterIPs"] ??= new JsonArray(spec["clusterIP"]!.DeepClone());

        spec["sessionAffinity"] ??= "None";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        foreach (var port in spec["ports"] as JsonArray ?? [])
        {
            port!["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }

        service["status"] ??= new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    private static void MergeStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        var data = Json.GetOrAddObject(secret, "data");
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
        }

        secret.Remove("stringData");
    }

    private static void WorkloadStatus(ResourceType type, JsonObject workload)
    {
        var name = Json.GetString(workload, "metadata", "name");
        var replicas = Json.AsLong(workload["spec"]?["replicas"]) ?? 1;
        var generation = Json.AsLong(workload["metadata"]?["generation"]) ?? 1;
        var status = new JsonObject
        {
            ["observedGeneration"] = generation,
            ["replicas"] = replicas,
            ["readyReplicas"] = replicas,
            ["updatedReplicas"] = replicas,
            ["availableReplicas"] = replicas,
        };
        if (type == ResourceCatalog.StatefulSets)
        {
            var revision = $"{name}-{generation.ToString(CultureInfo.InvariantCulture)}";
            status["currentReplicas"] = replicas;
            status["currentRevision"] = revision;
            status["updateRevision"] = revision;
            status["collisionCount"] = 0;
        }
        else
        {
            status["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Available", ["status"] = "True", ["reason"] = "MinimumReplicasAvailable", ["message"] = "Deployment has minimum availability." },
                new JsonObject { ["type"] = "Progressing", ["status"] = "True", ["reason"] = "NewReplicaSetAvailable", ["message"] = $"ReplicaSet \"{name}\" has successfully progressed." });
        }

        workload["status"] = status;
    }
}
