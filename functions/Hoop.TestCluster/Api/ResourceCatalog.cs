namespace Hoop.TestCluster.Api;

/// <summary>The resources the simulated cluster serves: one table drives discovery, routing and OpenAPI.</summary>
/// <remarks>Verbs, short names, categories and subresources follow what a v1.33 kube-apiserver reports.</remarks>
internal static class ResourceCatalog
{
    public static readonly IReadOnlyList<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static readonly IReadOnlyList<string> StatusVerbs = ["get", "patch", "update"];

    private static readonly SubresourceType StatusSubresource = new("status", StatusVerbs);

    private static readonly SubresourceType ScaleSubresource = new("scale", StatusVerbs, "Scale", "autoscaling", "v1");

    public static readonly ResourceType Namespaces = new()
    {
        Group = "",
        Version = "v1",
        Plural = "namespaces",
        Singular = "namespace",
        Kind = "Namespace",
        Namespaced = false,
        Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
        ShortNames = ["ns"],
        Subresources = [new("finalize", ["update"]), StatusSubresource],
        FieldLabels = ["status.phase"],
    };

    public static readonly ResourceType Pods = new()
    {
        Group = "",
        Version = "v1",
        Plural = "pods",
        Singular = "pod",
        Kind = "Pod",
        Namespaced = true,
        ShortNames = ["po"],
        Categories = ["all"],
        Subresources =
        [
            new("attach", ["create", "get"], "PodAttachOptions"),
            new("eviction", ["create"], "Eviction", "policy", "v1"),
            new("exec", ["create", "get"], "PodExecOptions"),
            new("log", ["get"]),
            new("portforward", ["create", "get"], "PodPortForwardOptions"),
            StatusSubresource,
        ],
        FieldLabels = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
    };

    public static readonly ResourceType Services = new()
    {
        Group = "",
        Version = "v1",
        Plural = "services",
        Singular = "service",
        Kind = "Service",
        Namespaced = true,
        ShortNames = ["svc"],
        Categories = ["all"],
        Subresources = [StatusSubresource],
    };

    public static readonly ResourceType ConfigMaps = new()
    {
        Group = "",
        Version = "v1",
        Plural = "configmaps",
        Singular = "configmap",
        Kind = "ConfigMap",
        Namespaced = true,
        ShortNames = ["cm"],
    };

    public static readonly ResourceType Secrets = new()
    {
        Group = "",
        Version = "v1",
        Plural = "secrets",
        Singular = "secret",
        Kind = "Secret",
        Namespaced = true,
        FieldLabels = ["type"],
    };

    public static readonly ResourceType ServiceAccounts = new()
    {
        Group = "",
        Version = "v1",
        Plural = "serviceaccounts",
        Singular = "serviceaccount",
        Kind = "ServiceAccount",
        Namespaced = true,
        ShortNames = ["sa"],
        Subresources = [new("token", ["create"], "TokenRequest", "authentication.k8s.io", "v1")],
    };

    public static readonly ResourceType Events = new()
    {
        Group = "",
        Version = "v1",
        Plural = "events",
        Singular = "event",
        Kind = "Event",
        Namespaced = true,
        ShortNames = ["ev"],
        FieldLabels =
        [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "source", "type",
        ],
    };

    public static readonly ResourceType Nodes = new()
    {
        Group = "",
        Version = "v1",
        Plural = "nodes",
        Singular = "node",
        Kind = "Node",
        Namespaced = false,
        ShortNames = ["no"],
        Subresources = [StatusSubresource],
        FieldLabels = ["spec.unschedulable"],
    };

    public static readonly ResourceType Deployments = new()
    {
        Group = "apps",
        Version = "v1",
        Plural = "deployments",
        Singular = "deployment",
        Kind = "Deployment",
        Namespaced = true,
        ShortNames = ["deploy"],
        Categories = ["all"],
        Subresources = [ScaleSubresource, StatusSubresource],
    };

    public static readonly ResourceType StatefulSets = new()
    {
        Group = "apps",
        Version = "v1",
        Plural = "statefulsets",
        Singular = "statefulset",
        Kind = "StatefulSet",
        Namespaced = true,
        ShortNames = ["sts"],
        Categories = ["all"],
        Subresources = [ScaleSubresource, StatusSubresource],
    };

    /// <summary>Every served resource, in discovery order.</summary>
    public static readonly IReadOnlyList<ResourceType> All =
        [ConfigMaps, Events, Namespaces, Nodes, Pods, Secrets, ServiceAccounts, Services, Deployments, StatefulSets];

    /// <summary>The served group versions: the legacy core group first, then the named groups.</summary>
    public static readonly IReadOnlyList<(string Group, string Version)> GroupVersions = [("", "v1"), ("apps", "v1")];

    public static IEnumerable<ResourceType> InGroupVersion(string group, string version) =>
        All.Where(r => r.Group == group && r.Version == version);

    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    /// <summary>Finds a resource by <c>apiVersion</c> and <c>kind</c>, as in a manifest.</summary>
    public static ResourceType? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);
}
