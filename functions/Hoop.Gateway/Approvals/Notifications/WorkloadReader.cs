using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// Finds what a workload request would run in its (already masked) body: every pod spec the body carries — a Pod's
/// <c>spec</c>, a controller's <c>spec.template.spec</c>, a CronJob's <c>spec.jobTemplate.spec.template.spec</c>, or the
/// part of one a merge patch sets. <c>metadata</c> is not searched (its last-applied annotation repeats the object).
/// </summary>
internal static class WorkloadReader
{
    /// <summary>Resources whose objects are or contain pod templates (core and apps/batch groups).</summary>
    public static readonly FrozenSet<string> WorkloadResources =
        FrozenSet.Create(StringComparer.Ordinal, "pods", "podtemplates", "replicationcontrollers", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs");

    private static readonly FrozenSet<string> PodSpecKeys =
        FrozenSet.Create(StringComparer.Ordinal, "containers", "initContainers", "ephemeralContainers", "volumes", "serviceAccountName", "serviceAccount", "hostNetwork", "hostPID", "hostIPC");

    private const int MaxDepth = 16;

    /// <summary>Whether a request of this verb on this resource creates or changes what a workload runs.</summary>
    public static bool Applies(ApprovalRequest request)
        => request.Verb is "create" or "update" or "patch" && request.Subresource.Length == 0 && WorkloadResources.Contains(request.Resource);

    /// <summary>The summary of every pod spec in <paramref name="root"/>.</summary>
    public static WorkloadSummary Read(JsonNode? root)
    {
        var specs = new List<JsonObject>();
        Find(root, specs, 0);
        var containers = new List<WorkloadContainer>();
        var volumes = new List<WorkloadVolume>();
        var secrets = new List<string>();
        string? serviceAccount = null;
        bool hostNetwork = false, hostPid = false, hostIpc = false;
        foreach (var spec in specs)
        {
            ReadContainers(spec["initContainers"], "init container", containers, secrets);
            ReadContainers(spec["containers"], "container", containers, secrets);
            ReadContainers(spec["ephemeralContainers"], "ephemeral container", containers, secrets);
            ReadVolumes(spec["volumes"], volumes);
            serviceAccount ??= Text(spec["serviceAccountName"]) ?? Text(spec["serviceAccount"]);
            hostNetwork |= IsTrue(spec["hostNetwork"]);
            hostPid |= IsTrue(spec["hostPID"]);
            hostIpc |= IsTrue(spec["hostIPC"]);
        }

        return new WorkloadSummary
        {
            Containers = containers,
            Volumes = volumes,
            EnvironmentSecrets = [.. secrets.Distinct(StringComparer.Ordinal)],
            ServiceAccountName = serviceAccount,
            HostNetwork = hostNetwork,
            HostPid = hostPid,
            HostIpc = hostIpc,
        };
    }

    private static void Find(JsonNode? node, List<JsonObject> specs, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Find(item, specs, depth + 1);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj.Any(p => PodSpecKeys.Contains(p.Key)))
        {
            specs.Add(obj);
            return;
        }

        foreach (var (key, value) in obj)
        {
            if (key != "metadata")
            {
                Find(value, specs, depth + 1);
            }
        }
    }

    private static void ReadContainers(JsonNode? node, string kind, List<WorkloadContainer> containers, List<string> secrets)
    {
        foreach (var c in Objects(node))
        {
            var security = c["securityContext"] as JsonObject;
            containers.Add(new WorkloadContainer
            {
                Kind = kind,
                Name = Text(c["name"]) ?? "",
                Image = Text(c["image"]) ?? "",
                Command = Strings(c["command"]),
                Args = Strings(c["args"]),
                Privileged = IsTrue(security?["privileged"]),
                AddedCapabilities = Strings((security?["capabilities"] as JsonObject)?["add"]),
            });
            foreach (var env in Objects(c["env"]))
            {
                if (env["valueFrom"]?["secretKeyRef"] is JsonObject reference)
                {
                    secrets.Add((Text(reference["name"]) ?? "") + (Text(reference["key"]) is { } key ? " (key " + key + ")" : ""));
                }
            }

            foreach (var from in Objects(c["envFrom"]))
            {
                if (from["secretRef"] is JsonObject reference)
                {
                    secrets.Add((Text(reference["name"]) ?? "") + " (all keys)");
                }
            }
        }
    }

    private static void ReadVolumes(JsonNode? node, List<WorkloadVolume> volumes)
    {
        foreach (var v in Objects(node))
        {
            var name = Text(v["name"]) ?? "";
            foreach (var (source, value) in v)
            {
                if (source == "name" || source.StartsWith('$'))
                {
                    continue;
                }

                if (source == "projected")
                {
                    foreach (var projection in Objects(value?["sources"]))
                    {
                        foreach (var (kind, detail) in projection)
                        {
                            volumes.Add(new WorkloadVolume(name, kind, Reference(kind, detail)));
                        }
                    }

                    continue;
                }

                volumes.Add(new WorkloadVolume(name, source, Reference(source, value)));
            }
        }
    }

    private static string Reference(string source, JsonNode? value) => source switch
    {
        "secret" => Text(value?["secretName"]) ?? Text(value?["name"]) ?? "",
        "hostPath" => Text(value?["path"]) ?? "",
        "configMap" => Text(value?["name"]) ?? "",
        "persistentVolumeClaim" => Text(value?["claimName"]) ?? "",
        "serviceAccountToken" => Text(value?["audience"]) is { } audience ? "audience " + audience : "",
        "csi" => Text(value?["driver"]) ?? "",
        "nfs" => (Text(value?["server"]) ?? "") + ":" + (Text(value?["path"]) ?? ""),
        "image" => Text(value?["reference"]) ?? "",
        _ => "",
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static List<string> Strings(JsonNode? node)
        => node is JsonArray array ? [.. array.Select(Text).Where(s => s is not null).Select(s => s!)] : [];

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
