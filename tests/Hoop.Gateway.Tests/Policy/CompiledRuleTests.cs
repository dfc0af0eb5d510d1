using Hoop.Gateway.Policy;
using static Hoop.Gateway.Tests.Policy.RuleFactory;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>
/// RBAC matching, row by row. The semantics are those of k8s.io/kubernetes pkg/apis/rbac/v1/evaluation_helpers.go
/// (VerbMatches, APIGroupMatches, ResourceMatches, ResourceNameMatches, NonResourceURLMatches).
/// </summary>
public class CompiledRuleTests
{
    [Theory]
    // resources: exact, '*' (subresources too), '*/sub'; 'pods' never matches 'pods/exec'
    [InlineData("allow", "-", "-", "pods", "get", "", "pods", "", true)]
    [InlineData("allow", "-", "-", "pods", "get", "", "pods", "exec", false)]
    [InlineData("allow", "-", "-", "pods/exec", "get", "", "pods", "", false)]
    [InlineData("allow", "-", "-", "pods/exec", "create", "", "pods", "exec", true)]
    [InlineData("allow", "-", "-", "*", "get", "", "pods", "exec", true)]
    [InlineData("allow", "-", "-", "*", "get", "", "", "", true)]
    [InlineData("allow", "-", "-", "*/scale", "patch", "apps", "deployments", "scale", true)]
    [InlineData("allow", "-", "-", "*/scale", "patch", "apps", "deployments", "", false)]
    [InlineData("allow", "-", "-", "*/scale", "get", "", "pods", "exec", false)]
    [InlineData("allow", "-", "-", "*/exec", "get", "kubevirt.io", "virtualmachineinstances", "exec", true)]
    [InlineData("block", "-", "-", "pods/*", "get", "", "pods", "exec", false)]
    // verbs: exact and case-sensitive, or '*'
    [InlineData("allow", "get", "-", "pods", "get", "", "pods", "", true)]
    [InlineData("allow", "get", "-", "pods", "list", "", "pods", "", false)]
    [InlineData("block", "get", "-", "pods", "GET", "", "pods", "", false)]
    [InlineData("allow", "*", "-", "pods", "deletecollection", "", "pods", "", true)]
    [InlineData("allow", "*", "-", "pods", "somethingnew", "", "pods", "", true)]
    [InlineData("allow", "get,list", "-", "pods", "somethingnew", "", "pods", "", false)]
    // apiGroups decide: a CRD or aggregated API named like a built-in is another resource
    [InlineData("allow", "-", "~", "pods", "get", "", "pods", "", true)]
    [InlineData("allow", "-", "~", "pods", "get", "evil.example.com", "pods", "", false)]
    [InlineData("block", "-", "apps", "deployments", "get", "extensions", "deployments", "", false)]
    [InlineData("allow", "-", "*", "nodes", "get", "metrics.k8s.io", "nodes", "", true)]
    [InlineData("allow", "-", "-", "nodes", "get", "metrics.k8s.io", "nodes", "", true)]
    // block and approve rules also catch other spellings (which the API server answers with 404); allow rules do not
    [InlineData("block", "-", "-", "pods/exec", "get", "", "Pods", "EXEC", true)]
    [InlineData("approve", "-", "apps", "deployments/scale", "patch", "APPS", "Deployments", "Scale", true)]
    [InlineData("allow", "-", "-", "pods/exec", "get", "", "Pods", "EXEC", false)]
    [InlineData("allow", "-", "apps", "deployments", "get", "Apps", "deployments", "", false)]
    public void Matches_ResourceRequest_FollowsRbac(string action, string verbs, string groups, string resources, string verb, string group, string resource, string sub, bool expected)
    {
        var rule = new CompiledRule(Rule(action, verbs, groups, resources), "role");

        Assert.Equal(expected, rule.Matches(new RequestView(Resource(verb, group, resource, sub, "default", "x"), verb), body: null));
    }

    [Theory]
    // resourceNames never match a request without a name (create, list, deletecollection)
    [InlineData("x", "get", "x", true)]
    [InlineData("x", "get", "y", false)]
    [InlineData("x", "get", "X", false)]
    [InlineData("x", "create", "", false)]
    [InlineData("x", "list", "", false)]
    [InlineData("x", "deletecollection", "", false)]
    [InlineData("x", "list", "x", true)] // a list with fieldSelector=metadata.name=x carries the name
    [InlineData("-", "create", "", true)]
    public void Matches_ResourceNames_NeedAName(string names, string verb, string name, bool expected)
    {
        var rule = new CompiledRule(Rule("block", resources: "secrets", names: names), "role");

        Assert.Equal(expected, rule.Matches(new RequestView(Resource(verb, "", "secrets", ns: "default", name: name), verb), body: null));
    }

    [Theory]
    // a namespaced rule never matches an all-namespaces or cluster-scoped request
    [InlineData("kube-system", "kube-system", true)]
    [InlineData("kube-system", "default", false)]
    [InlineData("kube-system", "", false)]
    [InlineData("-", "", true)]
    [InlineData("a,b", "b", true)]
    public void Matches_Namespaces_NeverAllNamespaces(string namespaces, string ns, bool expected)
    {
        var rule = new CompiledRule(Rule("block", verbs: "list", resources: "secrets", namespaces: namespaces), "role");

        Assert.Equal(expected, rule.Matches(new RequestView(Resource("list", "", "secrets", ns: ns), "list"), body: null));
    }

    [Theory]
    [InlineData("/healthz", "/healthz", true)]
    [InlineData("/healthz", "/healthz/etcd", false)]
    [InlineData("/healthz/*", "/healthz/etcd", true)]
    [InlineData("/healthz/*", "/healthz", false)]
    [InlineData("/debug/*", "/debug/pprof/profile", true)]
    [InlineData("/api*", "/apis/apps", true)]
    [InlineData("*", "/anything", true)]
    public void Matches_NonResourceUrl_ExactOrPrefix(string urls, string path, bool expected)
    {
        var rule = new CompiledRule(Rule("allow", verbs: "get", urls: urls), "role");

        Assert.Equal(expected, rule.Matches(new RequestView(NonResource("get", path), "get"), body: null));
    }

    [Theory]
    [InlineData("resources", false, true)]
    [InlineData("urls", true, false)]
    [InlineData("neither", true, true)]
    public void Matches_RuleKind_DecidesResourceOrNonResource(string kind, bool matchesNonResource, bool matchesResource)
    {
        var spec = kind switch
        {
            "resources" => Rule("allow", verbs: "get", resources: "*"),
            "urls" => Rule("allow", verbs: "get", urls: "*"),
            _ => Rule("allow", verbs: "get"),
        };
        var rule = new CompiledRule(spec, "role");

        Assert.Equal(matchesNonResource, rule.Matches(new RequestView(NonResource("get", "/version"), "get"), body: null));
        Assert.Equal(matchesResource, rule.Matches(new RequestView(Resource("get", "", "pods", ns: "a", name: "p"), "get"), body: null));
    }

    [Fact]
    public void Matches_LongSubresourceName_StillCompared()
    {
        var sub = new string('s', 300);
        var rule = new CompiledRule(Rule("block", resources: "pods/" + sub), "role");

        Assert.True(rule.Matches(new RequestView(Resource("get", "", "pods", sub, "a", "p"), "get"), body: null));
    }
}
