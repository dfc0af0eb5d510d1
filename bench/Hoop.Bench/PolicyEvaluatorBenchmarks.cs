using System.Text;
using BenchmarkDotNet.Attributes;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;

namespace Hoop.Bench;

/// <summary>
/// Decisions per second for a 50-rule policy (assets/policy-50-rules.yaml: the default policy plus 34 team rules)
/// over a mix of the requests agents send. Figures in bench/RESULTS.md, "Policy decisions".
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluatorBenchmarks
{
    private PolicyEvaluator _evaluator = null!;
    private (RequestInfo Info, KeyValuePair<string, string>[] Query, string ContentType, byte[] Body)[] _mix = [];
    private RequestInfo _read = null!;
    private RequestInfo _exec = null!;
    private byte[] _secret = [];
    private RequestInfo _applySecret = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "assets", "policy-50-rules.yaml");
        var result = PolicyLoader.Load(File.ReadAllText(path), path);
        var document = result.Policy ?? throw new InvalidOperationException(string.Join("\n", result.Problems.Select(p => p.Format(path))));
        if (document.Roles["agent"].Rules.Count != 50)
        {
            throw new InvalidOperationException("the benchmark policy must have 50 rules");
        }

        _evaluator = PolicyEvaluator.ForDocument(document);
        _read = Resource("get", "", "pods", "", "default", "web-1");
        _exec = Resource("create", "", "pods", "exec", "default", "web-1");
        var secret = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\ntype: Opaque\n");
        _secret = secret;
        _applySecret = Resource("patch", "", "secrets", "", "default", "t");
        _mix =
        [
            (_read, [], "", []),
            (Resource("list", "", "secrets", "", "", ""), [new("limit", "500")], "", []),
            (Resource("watch", "apps", "deployments", "", "default", ""), [new("watch", "1"), new("sendInitialEvents", "true")], "", []),
            (Resource("get", "", "pods", "log", "default", "web-1"), [new("follow", "true")], "", []),
            (_exec, [new("command", "sh")], "", []),
            (Resource("delete", "apps", "deployments", "", "default", "web"), [], "", []),
            (Resource("patch", "apps", "deployments", "scale", "default", "web"), [], "application/merge-patch+json", Encoding.UTF8.GetBytes("{\"spec\":{\"replicas\":3}}")),
            (Resource("create", "", "configmaps", "", "default", ""), [new("dryRun", "All")], "application/json", Encoding.UTF8.GetBytes("{}")),
            (_applySecret, [new("fieldManager", "kubectl")], "application/apply-patch+yaml", Encoding.UTF8.GetBytes("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"t\"},\"type\":\"Opaque\"}")),
            (new RequestInfo { Path = "/version", Verb = "get" }, [], "", []),
        ];
    }

    /// <summary>One decision for each request of the mix (10 per invocation; the apply's JSON body is read by a body rule).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int DecideMix()
    {
        var blocked = 0;
        foreach (var (info, query, contentType, body) in _mix)
        {
            blocked += (int)_evaluator.Decide("agent", info, query, contentType, body).Action;
        }

        return blocked;
    }

    /// <summary>Server-side apply of a Secret written as YAML (kubectl sends JSON; this is the slow case of a rule that reads the body).</summary>
    [Benchmark]
    public Decision DecideApplySecretYaml() => _evaluator.Decide("agent", _applySecret, [], "application/apply-patch+yaml", _secret);

    /// <summary>A read that walks past the blocks to the allow rule.</summary>
    [Benchmark]
    public Decision DecideRead() => _evaluator.Decide("agent", _read);

    /// <summary>exec, blocked by the first rule.</summary>
    [Benchmark]
    public Decision DecideExec() => _evaluator.Decide("agent", _exec);

    private static RequestInfo Resource(string verb, string group, string resource, string subresource, string ns, string name) => new()
    {
        IsResourceRequest = true,
        Verb = verb,
        ApiPrefix = group.Length == 0 ? "api" : "apis",
        ApiGroup = group,
        ApiVersion = "v1",
        Namespace = ns,
        Resource = resource,
        Subresource = subresource,
        Name = name,
    };
}
