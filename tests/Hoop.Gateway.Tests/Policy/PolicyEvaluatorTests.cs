using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;
using static Hoop.Gateway.Tests.Policy.RuleFactory;

namespace Hoop.Gateway.Tests.Policy;

public class PolicyEvaluatorTests
{
    private static readonly Lazy<PolicyEvaluator> Traits = new(() =>
        PolicyEvaluator.ForDocument(PolicyAssets.Load("evaluator.yaml")));

    [Theory]
    [InlineData("sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true", "block", "no-list-secrets")]
    [InlineData("sendInitialEvents=1&resourceVersion=100", "block", "no-list-secrets")]
    [InlineData("", "block", "no-list-secrets")]
    [InlineData("resourceVersion=0", "block", "no-list-secrets")]
    [InlineData("resourceVersion=100", "allow", "read")]
    [InlineData("resourceVersion=100&sendInitialEvents=false", "allow", "read")]
    public void Decide_WatchThatStartsWithAList_IsJudgedAsListToo(string query, string action, string rule)
    {
        var decision = Decide(Resource("watch", "", "secrets", ns: "default"), query);

        AssertDecision(action, rule, decision);
    }

    [Theory]
    [InlineData("PATCH", "patch", "application/apply-patch+yaml", "block", "no-create-configmaps")]
    [InlineData("PATCH", "patch", "application/apply-patch+yaml; charset=utf-8", "block", "no-create-configmaps")]
    [InlineData("PATCH", "patch", "Application/Apply-Patch+YAML", "block", "no-create-configmaps")]
    [InlineData("PATCH", "patch", "application/merge-patch+json", "approve", "writes")]
    [InlineData("PATCH", "patch", "application/strategic-merge-patch+json", "approve", "writes")]
    [InlineData("PUT", "update", "application/json", "block", "no-create-configmaps")]
    public void Decide_WriteThatMayCreate_IsJudgedAsCreateToo(string method, string verb, string contentType, string action, string rule)
    {
        var decision = Decide(Resource(verb, "", "configmaps", ns: "default", name: "c"), "", contentType, "{}", method);

        AssertDecision(action, rule, decision);
    }

    [Theory]
    [InlineData("delete", "dryRun=All", null, "allow")]
    [InlineData("delete", "", null, "block")]
    [InlineData("delete", "dryRun=all", null, "block")]
    [InlineData("delete", "dryRun=All&dryRun=Bogus", null, "block")]
    [InlineData("delete", "dryRun=All", "delete-options.json", "block")] // the body wins over the query, as in the API server
    [InlineData("delete", "", "delete-options-dry-run.json", "allow")]
    [InlineData("delete", "", "delete-options-dry-run-ambiguous.json", "block")]
    [InlineData("deletecollection", "dryRun=All", null, "block")] // older API servers ignore the query here
    [InlineData("deletecollection", "", "delete-options-dry-run.json", "allow")]
    public void Decide_DeleteDryRun_ReadAsTheApiServerReadsIt(string verb, string query, string? bodyFile, string action)
    {
        var body = bodyFile is null ? "" : PolicyAssets.Read(Path.Combine("bodies", bodyFile));
        var name = verb == "delete" ? "p" : "";

        var decision = Decide(Resource(verb, "", "pods", ns: "default", name: name), query, "application/json", body, "DELETE");

        AssertDecision(action, "no-delete-pods", decision);
        Assert.Equal(action == "allow" ? "allowed by rule \"no-delete-pods\" (dry run)" : "blocked by rule \"no-delete-pods\": Deleting pods is not allowed.", decision.Message);
    }

    [Theory]
    [InlineData("POST", "create", "application/json", "secret-sa-token.json", "block", "no-token-secrets")]
    [InlineData("POST", "create", "application/json", "secret-opaque.json", "approve", "writes")]
    [InlineData("POST", "create", "application/json", "secret-no-type.json", "approve", "writes")]
    [InlineData("POST", "create", "application/json", "secret-duplicate-type.json", "block", "no-token-secrets")]
    [InlineData("POST", "create", "application/json", "secret-type-other-case.json", "block", "no-token-secrets")]
    [InlineData("POST", "create", "application/json", "secret-truncated.json", "block", "no-token-secrets")]
    [InlineData("POST", "create", "application/vnd.kubernetes.protobuf", "secret-opaque.json", "block", "no-token-secrets")]
    [InlineData("POST", "create", "", "secret-opaque.json", "approve", "writes")]
    [InlineData("PATCH", "patch", "application/apply-patch+yaml", "secret-sa-token.yaml", "block", "no-token-secrets")]
    [InlineData("PATCH", "patch", "application/apply-patch+yaml", "secret-opaque.yaml", "approve", "writes")]
    [InlineData("PUT", "update", "application/json", "secret-sa-token.json", "block", "no-token-secrets")]
    public void Decide_BodyCondition_UnreadableCountsAsMetForBlock(string method, string verb, string contentType, string bodyFile, string action, string rule)
    {
        var body = PolicyAssets.Read(Path.Combine("bodies", bodyFile));

        var decision = Decide(Resource(verb, "", "secrets", ns: "default", name: verb == "create" ? "" : "t"), "", contentType, body, method);

        AssertDecision(action, rule, decision);
    }

    [Theory]
    [InlineData("application/json", "service-agents.json", "allow", "agent-services")]
    [InlineData("application/json", "service-other.json", "approve", "writes")]
    [InlineData("application/json", "secret-truncated.json", "approve", "writes")]
    [InlineData("application/cbor", "service-agents.json", "approve", "writes")]
    public void Decide_BodyCondition_UnreadableCountsAsUnmetForAllow(string contentType, string bodyFile, string action, string rule)
    {
        var body = PolicyAssets.Read(Path.Combine("bodies", bodyFile));

        var decision = Decide(Resource("create", "", "services", ns: "default"), "", contentType, body, "POST");

        AssertDecision(action, rule, decision);
    }

    [Fact]
    public void Decide_Block_MessageNamesRuleAndReason()
    {
        var decision = Decide(Resource("list", "", "secrets", ns: "default"));

        Assert.Equal("blocked by rule \"no-list-secrets\": Listing Secrets is not allowed.", decision.Message);
    }

    [Fact]
    public void Decide_Approve_MessageNamesApprovers()
    {
        var decision = Decide(Resource("patch", "apps", "deployments", ns: "default", name: "d"), contentType: "application/merge-patch+json", method: "PATCH");

        AssertDecision("approve", "writes", decision);
        Assert.Equal("rule \"writes\" requires approval by leads", decision.Message);
    }

    [Fact]
    public void Decide_NoRuleMatches_BlocksAsDefaultDeny()
    {
        var decision = Decide(NonResource("get", "/version"));

        AssertDecision("block", "default-deny", decision);
        Assert.Contains("no rule of role \"traits\" allows this request", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_UnknownRole_Blocks()
    {
        var request = Request(Resource("get", "", "pods", ns: "a", name: "p")) with { Session = Session("ghost", "demo") };

        var decision = await Traits.Value.DecideAsync(request);

        AssertDecision("block", "unknown-role", decision);
        Assert.Contains("role \"ghost\" is not in the policy", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_ConnectionNotInRole_Blocks()
    {
        var request = Request(Resource("get", "", "pods", ns: "a", name: "p")) with { Session = Session("traits", "prod") };

        var decision = await Traits.Value.DecideAsync(request);

        AssertDecision("block", "connection-not-allowed", decision);
    }

    [Fact]
    public async Task DecideAsync_SessionRoleAndConnection_AreUsed()
    {
        var decision = await Traits.Value.DecideAsync(Request(Resource("get", "", "pods", ns: "a", name: "p")));

        AssertDecision("allow", "read", decision);
        Assert.Equal("allowed by rule \"read\"", decision.Message);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("create")]
    public void Decide_ApproveReachingInteractiveStream_IsBlocked(string verb)
    {
        // The checker refuses such a policy; the evaluator still never approves a stream it cannot carry.
        var evaluator = PolicyEvaluator.ForDocument(Document(Rule("approve", resources: "*")));

        var decision = evaluator.Decide("r", Resource(verb, "", "pods", "exec", "a", "p"));

        AssertDecision("block", "r", decision);
        Assert.Contains("never carries interactive streams", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SimpleRequest_AllocatesNothing()
    {
        var evaluator = Traits.Value;
        var info = Resource("get", "", "pods", "log", "default", "p");
        IReadOnlyList<KeyValuePair<string, string>> query = [new("follow", "true")];
        for (var i = 0; i < 100; i++)
        {
            evaluator.Decide("traits", info, query);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            evaluator.Decide("traits", info, query);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    internal static PolicyDocument Document(params PolicyRule[] rules) => new()
    {
        SourceName = "test",
        Connections = new Dictionary<string, ConnectionSpec>(),
        Approvers = new Dictionary<string, ApproverGroupSpec>(),
        Auditors = new AuditorsSpec(),
        Roles = new Dictionary<string, RoleSpec>
        {
            ["r"] = new() { Name = "r", Groups = ["g"], Connections = ["c"], MaxSession = TimeSpan.FromHours(1), Rules = rules },
        },
    };

    private static Decision Decide(RequestInfo info, string query = "", string contentType = "", string body = "", string method = "GET") =>
        Traits.Value.Decide(Request(info, query, contentType, body, method));

    private static DecisionRequest Request(RequestInfo info, string query = "", string contentType = "", string body = "", string method = "GET") => new()
    {
        Session = Session("traits", "demo"),
        Info = info,
        Method = method,
        Query = ParseQuery(query),
        ContentType = contentType,
        Body = System.Text.Encoding.UTF8.GetBytes(body),
    };

    private static Session Session(string role, string connection) =>
        new("s-1", "https://issuer/alice", ["developers"], role, connection, DateTimeOffset.MaxValue);

    private static List<KeyValuePair<string, string>> ParseQuery(string query) =>
        [.. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))];

    private static void AssertDecision(string action, string rule, Decision decision)
    {
        Assert.Equal((action, rule), (decision.Action.ToString().ToLowerInvariant(), decision.Rule));
    }
}
