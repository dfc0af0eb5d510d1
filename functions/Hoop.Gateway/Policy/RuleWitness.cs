using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Policy;

/// <summary>
/// A sample request the checker judges to find what a rule really reaches. Built to fit the rule under test (its first
/// namespace and name), so a namespaced or named rule is probed where it applies.
/// </summary>
/// <param name="Verb">Verb to judge.</param>
/// <param name="ApiGroup">API group ("" for core).</param>
/// <param name="Resource">Resource ("" for a non-resource request).</param>
/// <param name="Subresource">Subresource or "".</param>
/// <param name="Path">Path of a non-resource request, or "".</param>
/// <param name="Namespaced">Whether the resource lives in namespaces.</param>
internal sealed record RuleWitness(string Verb, string ApiGroup, string Resource, string Subresource, string Path, bool Namespaced)
{
    /// <summary>What the gateway must never let an agent reach by accident: streams it cannot record or mask, and
    /// anything that mints credentials or reaches around the gateway.</summary>
    public static readonly IReadOnlyList<RuleWitness> Dangerous =
    [
        .. Streams(),
        .. Proxies(),
        Res("create", "", "serviceaccounts", "token"),
        Res("update", "", "pods", "ephemeralcontainers"),
        Res("patch", "", "pods", "ephemeralcontainers"),
        Res("create", "certificates.k8s.io", "certificatesigningrequests", "", namespaced: false),
        Res("update", "certificates.k8s.io", "certificatesigningrequests", "approval", namespaced: false),
        Res("update", "certificates.k8s.io", "certificatesigningrequests", "status", namespaced: false),
        Url("get", "/debug/pprof/profile"),
        Url("get", "/logs/kube-apiserver.log"),
    ];

    /// <summary>exec, attach and port-forward, as WebSocket (GET) and SPDY (POST) upgrades.</summary>
    public static readonly IReadOnlyList<RuleWitness> InteractiveStreams = [.. Streams()];

    /// <summary>How the witness reads in a message: <c>pods/exec</c>, <c>/debug/pprof/profile</c>.</summary>
    public string Target => Resource.Length == 0 ? Path : Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";

    /// <summary>The request as the resolver would classify it, placed where <paramref name="rule"/> applies.</summary>
    public RequestInfo For(PolicyRule rule) => Resource.Length == 0
        ? new RequestInfo { IsResourceRequest = false, Path = Path, Verb = Verb }
        : new RequestInfo
        {
            IsResourceRequest = true,
            Verb = Verb,
            ApiPrefix = ApiGroup.Length == 0 ? "api" : "apis",
            ApiGroup = ApiGroup,
            ApiVersion = "v1",
            Namespace = Namespaced ? rule.Namespaces?[0] ?? "default" : "",
            Resource = Resource,
            Subresource = Subresource,
            Name = Verb is "list" or "watch" or "deletecollection" || (Verb == "create" && Subresource.Length == 0)
                ? ""
                : rule.ResourceNames?[0] ?? "x",
        };

    /// <summary>Whether <paramref name="rule"/> names this target itself rather than reaching it through a wildcard.</summary>
    public bool IsNamedBy(PolicyRule rule) => Resource.Length == 0
        ? rule.NonResourceURLs?.Any(u => u != "*" && (u == Path || (u.EndsWith('*') && Path.StartsWith(u.TrimEnd('*'), StringComparison.Ordinal)))) == true
        : rule.Resources?.Contains(Target) == true;

    public static RuleWitness Res(string verb, string group, string resource, string subresource, bool namespaced = true) =>
        new(verb, group, resource, subresource, "", namespaced);

    private static RuleWitness Url(string verb, string path) => new(verb, "", "", "", path, Namespaced: false);

    private static IEnumerable<RuleWitness> Streams() =>
        from sub in new[] { "exec", "attach", "portforward" }
        from verb in new[] { "get", "create" }
        select Res(verb, "", "pods", sub);

    private static IEnumerable<RuleWitness> Proxies() =>
        from target in new[] { ("pods", true), ("services", true), ("nodes", false) }
        from verb in new[] { "get", "create", "update", "patch", "delete" }
        select Res(verb, "", target.Item1, "proxy", target.Item2);
}
