using System.Text.Json;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Tables;

/// <summary>
/// The columns kube-apiserver's printers (pkg/printers/internalversion) give each served resource, so
/// <c>kubectl get</c> prints what it prints against a real cluster. Other resources get the default Name / Created At.
/// </summary>
internal static class TableLayouts
{
    private const string None = "<none>";

    private static readonly TableColumn NameColumn = new("Name", "string", "Name must be unique within a namespace.", Format: "name");
    private static readonly TableColumn AgeColumn = new("Age", "string", "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public static TableLayout For(ResourceType type) => type.Plural switch
    {
        "pods" => Pods,
        "deployments" => Deployments,
        "statefulsets" => StatefulSets,
        "services" => Services,
        "configmaps" => new([NameColumn, new("Data", "integer", "Data contains the configuration data."), AgeColumn], (o, now) => [Name(o), Count(o, "data") + Count(o, "binaryData"), Age(o, now)]),
        "secrets" => new([NameColumn, new("Type", "string", "The type of the secret."), new("Data", "integer", "Data contains the secret data."), AgeColumn], (o, now) => [Name(o), Str(o, "type"), Count(o, "data"), Age(o, now)]),
        "namespaces" => new([NameColumn, new("Status", "string", "The status of the namespace."), AgeColumn], (o, now) => [Name(o), Str(o, "status", "phase"), Age(o, now)]),
        "serviceaccounts" => new([NameColumn, new("Secrets", "integer", "Secrets is a list of the secrets in the same namespace."), AgeColumn], (o, now) => [Name(o), Count(o, "secrets"), Age(o, now)]),
        "nodes" => Nodes,
        "events" => Events,
        _ => new([NameColumn, new("Created At", "date", "CreationTimestamp is a timestamp representing the server time when this object was created.")], (o, _) => [Name(o), Str(o, "metadata", "creationTimestamp")]),
    };

    private static TableLayout Pods { get; } = new(
        [
            NameColumn,
            new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
            new("Status", "string", "The aggregate status of the containers in this pod."),
            new("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
            AgeColumn,
            new("IP", "string", "IP address allocated to the pod. Routable at least within the cluster.", 1),
            new("Node", "string", "Name of the Node this pod is assigned to.", 1),
            new("Nominated Node", "string", "Name of the node nominated by the scheduler.", 1),
            new("Readiness Gates", "string", "The readiness gates of this pod.", 1),
        ],
        (o, now) =>
        {
            var statuses = Array(o, "status", "containerStatuses");
            var ready = statuses.Count(s => s.TryGetProperty("ready", out var r) && r.ValueKind == JsonValueKind.True);
            var restarts = statuses.Sum(s => s.TryGetProperty("restartCount", out var r) && r.TryGetInt64(out var n) ? n : 0);
            var phase = Str(o, "metadata", "deletionTimestamp").Length > 0 ? "Terminating" : Or(Str(o, "status", "reason"), Str(o, "status", "phase"));
            return
            [
                Name(o), $"{ready}/{Array(o, "spec", "containers").Count}", phase, restarts.ToString(System.Globalization.CultureInfo.InvariantCulture), Age(o, now),
                Or(Str(o, "status", "podIP"), None), Or(Str(o, "spec", "nodeName"), None), Or(Str(o, "status", "nominatedNodeName"), None), None,
            ];
        });

    private static TableLayout Deployments { get; } = new(
        [
            NameColumn,
            new("Ready", "string", "Number of the pod with ready state"),
            new("Up-to-date", "integer", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
            new("Available", "integer", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
            AgeColumn,
            new("Containers", "string", "Names of each container in the template.", 1),
            new("Images", "string", "Images referenced by each container in the template.", 1),
            new("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
        ],
        (o, now) => [Name(o), $"{Int(o, "status", "readyReplicas")}/{Int(o, "spec", "replicas")}", Int(o, "status", "updatedReplicas"), Int(o, "status", "availableReplicas"), Age(o, now), Containers(o, "name"), Containers(o, "image"), Selector(o)]);

    private static TableLayout StatefulSets { get; } = new(
        [
            NameColumn,
            new("Ready", "string", "Number of the pod with ready state"),
            AgeColumn,
            new("Containers", "string", "Names of each container in the template.", 1),
            new("Images", "string", "Images referenced by each container in the template.", 1),
        ],
        (o, now) => [Name(o), $"{Int(o, "status", "readyReplicas")}/{Int(o, "spec", "replicas")}", Age(o, now), Containers(o, "name"), Containers(o, "image")]);

    private static TableLayout Services { get; } = new(
        [
            NameColumn,
            new("Type", "string", "The type of the service."),
            new("Cluster-IP", "string", "The IP address of the service."),
            new("External-IP", "string", "The external IP address of the service."),
            new("Port(s)", "string", "The ports the service listens on."),
            AgeColumn,
            new("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1),
        ],
        (o, now) =>
        {
            var ports = string.Join(",", Array(o, "spec", "ports").Select(p => $"{(p.TryGetProperty("port", out var n) ? n.GetRawText() : "")}/{(p.TryGetProperty("protocol", out var t) ? t.GetString() : "TCP")}"));
            return [Name(o), Str(o, "spec", "type"), Or(Str(o, "spec", "clusterIP"), None), None, Or(ports, None), Age(o, now), Or(Map(o, "spec", "selector"), None)];
        });

    private static TableLayout Nodes { get; } = new(
        [
            NameColumn,
            new("Status", "string", "The status of the node"),
            new("Roles", "string", "The roles of the node"),
            AgeColumn,
            new("Version", "string", "Kubelet Version reported by the node."),
            new("Internal-IP", "string", "List of addresses reachable to the node.", 1),
            new("External-IP", "string", "List of addresses reachable to the node.", 1),
            new("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
            new("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
            new("Container-Runtime", "string", "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).", 1),
        ],
        (o, now) =>
        {
            var ready = Array(o, "status", "conditions").Any(c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True");
            var roles = o.TryGetProperty("metadata", out var m) && m.TryGetProperty("labels", out var labels)
                ? string.Join(",", labels.EnumerateObject().Where(l => l.Name.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal)).Select(l => l.Name["node-role.kubernetes.io/".Length..]))
                : "";
            var internalIp = Array(o, "status", "addresses").Where(a => a.GetProperty("type").GetString() == "InternalIP").Select(a => a.GetProperty("address").GetString()).FirstOrDefault();
            return
            [
                Name(o), ready ? "Ready" : "NotReady", Or(roles, None), Age(o, now), Str(o, "status", "nodeInfo", "kubeletVersion"),
                internalIp ?? None, None, Str(o, "status", "nodeInfo", "osImage"), Str(o, "status", "nodeInfo", "kernelVersion"), Str(o, "status", "nodeInfo", "containerRuntimeVersion"),
            ];
        });

    private static TableLayout Events { get; } = new(
        [
            new("Last Seen", "string", "The last time this event was seen."),
            new("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future."),
            new("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
            new("Object", "string", "The object that this event is about."),
            new("Subobject", "string", "The subobject that this event is about.", 1),
            new("Source", "string", "The component reporting this event. Should be a short machine understandable string.", 1),
            new("Message", "string", "A human-readable description of the status of this operation."),
            new("First Seen", "string", "The first time this event was seen.", 1),
            new("Count", "string", "The number of times this event has occurred.", 1),
            new("Name", "string", "Name must be unique within a namespace.", 1, "name"),
        ],
        (o, now) =>
        [
            Since(Or(Str(o, "lastTimestamp"), Str(o, "eventTime")), now), Str(o, "type"), Str(o, "reason"),
            $"{Str(o, "involvedObject", "kind").ToLowerInvariant()}/{Str(o, "involvedObject", "name")}", Str(o, "involvedObject", "fieldPath"),
            Str(o, "source", "component"), Str(o, "message"), Since(Str(o, "firstTimestamp"), now),
            Math.Max(Int(o, "count"), 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Name(o),
        ]);

    private static string Name(JsonElement o) => Str(o, "metadata", "name");

    private static string Age(JsonElement o, DateTimeOffset now) => Since(Str(o, "metadata", "creationTimestamp"), now);

    private static string Since(string timestamp, DateTimeOffset now) =>
        DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? HumanDuration.Format(now - time)
            : "<unknown>";

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static bool TryGet(JsonElement element, out JsonElement found, params ReadOnlySpan<string> path)
    {
        found = element;
        foreach (var key in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(key, out found))
            {
                return false;
            }
        }

        return true;
    }

    private static string Str(JsonElement o, params ReadOnlySpan<string> path) =>
        TryGet(o, out var value, path) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static long Int(JsonElement o, params ReadOnlySpan<string> path) =>
        TryGet(o, out var value, path) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;

    private static long Count(JsonElement o, string key) =>
        TryGet(o, out var value, key) ? value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().Count(),
            JsonValueKind.Array => value.GetArrayLength(),
            _ => 0,
        } : 0;

    private static List<JsonElement> Array(JsonElement o, params ReadOnlySpan<string> path) =>
        TryGet(o, out var value, path) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static string Map(JsonElement o, params ReadOnlySpan<string> path) =>
        TryGet(o, out var value, path) && value.ValueKind == JsonValueKind.Object
            ? string.Join(",", value.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))
            : "";

    private static string Containers(JsonElement o, string field) =>
        string.Join(",", Array(o, "spec", "template", "spec", "containers").Select(c => c.TryGetProperty(field, out var v) ? v.GetString() : ""));

    private static string Selector(JsonElement o) => Or(Map(o, "spec", "selector", "matchLabels"), None);
}
