using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>
/// The bypass list of issue 3, item 4, replayed through normalisation, classification and the default policy. The same
/// table (assets/policy/bypass.jsonl) is replayed through the real proxy by the pipeline tests.
/// </summary>
public class PolicyBypassTests
{
    private static readonly PolicyEvaluator Default = PolicyEvaluator.ForDocument(DefaultPolicy.Document);

    public static TheoryData<BypassCase> Cases() => [.. BypassCase.Load()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void DefaultPolicy_BypassAttempt_IsJudgedAsTheApiServerWouldAct(BypassCase bypass)
    {
        var decision = GatewayReading.Decide(
            Default, "agent", bypass.Method, bypass.Target, bypass.ContentType, bypass.Body, bypass.Headers.Keys, out var info, out var refusal);

        var actual = decision is null
            ? ("refuse", (string?)null)
            : (decision.Action.ToString().ToLowerInvariant(), decision.Rule);
        Assert.True(
            (bypass.ExpectedAction, bypass.ExpectedRule) == actual,
            $"{bypass}: expected {bypass.ExpectedAction} {bypass.ExpectedRule}, got {actual} (info: {info}, refusal: {refusal}, message: {decision?.Message})");
    }

    [Fact]
    public void BypassTable_CoversEveryAction()
    {
        var actions = BypassCase.Load().Select(c => c.ExpectedAction).ToHashSet();

        Assert.Equal(new HashSet<string> { "allow", "block", "approve", "refuse" }, actions);
    }

    [Theory]
    // a namespaced block and its cluster-wide twin
    [InlineData("GET", "/api/v1/namespaces/kube-system/secrets/token", "block", "no-system-secrets")]
    [InlineData("GET", "/api/v1/secrets", "block", "no-secrets-all-namespaces")]
    [InlineData("GET", "/api/v1/secrets?watch=true", "block", "no-secrets-all-namespaces")]
    [InlineData("GET", "/api/v1/watch/secrets", "block", "no-secrets-all-namespaces")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets", "block", "no-secrets-all-namespaces")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets/app", "allow", "read")]
    // named objects: a list by metadata.name carries the name; a list of everything does not (policy check warns)
    [InlineData("GET", "/api/v1/namespaces/default/configmaps/prod-db", "block", "no-prod-db")]
    [InlineData("GET", "/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dprod-db", "block", "no-prod-db")]
    [InlineData("GET", "/api/v1/namespaces/default/configmaps?watch=1&fieldSelector=metadata.name%3Dprod-db", "block", "no-prod-db")]
    [InlineData("GET", "/api/v1/watch/namespaces/default/configmaps/prod-db", "block", "no-prod-db")]
    [InlineData("GET", "/api/v1/namespaces/default/configmaps", "allow", "read")]
    // the API group decides: a CRD called pods is not the built-in
    [InlineData("GET", "/api/v1/namespaces/default/pods/web", "block", "no-core-pods")]
    [InlineData("GET", "/apis/example.com/v1/namespaces/default/pods/web", "allow", "read")]
    [InlineData("GET", "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods", "allow", "read")]
    [InlineData("GET", "/apis/example.com/v1/namespaces/default/pods/web/exec", "block", "no-streams")]
    // delete dry runs: the body's options win over the query
    [InlineData("DELETE", "/apis/apps/v1/namespaces/default/deployments/web?dryRun=All", "allow", "delete-dry-run-only")]
    public void BypassPolicy_Request_IsJudgedAsTheApiServerWouldAct(string method, string target, string action, string rule)
    {
        var decision = GatewayReading.Decide(BypassPolicy.Value, "agent", method, target, "", "", [], out var info, out var refusal);

        Assert.True(decision is not null, refusal);
        Assert.True((action, rule) == (decision.Action.ToString().ToLowerInvariant(), decision.Rule), $"{decision.Action} {decision.Rule} for {info}");
    }

    [Theory]
    [InlineData("", "block")]
    [InlineData("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}", "allow")]
    [InlineData("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}", "block")]
    public void BypassPolicy_DeleteBodyOptions_WinOverQuery(string body, string action)
    {
        var query = body.Length == 0 ? "" : "?dryRun=All";
        var decision = GatewayReading.Decide(
            BypassPolicy.Value, "agent", "DELETE", "/apis/apps/v1/namespaces/default/deployments/web" + query, "application/json", body, [], out _, out var refusal);

        Assert.True(decision is not null, refusal);
        Assert.Equal(action, decision.Action.ToString().ToLowerInvariant());
    }

    private static readonly Lazy<PolicyEvaluator> BypassPolicy = new(() => PolicyEvaluator.ForDocument(PolicyAssets.Load("bypass-policy.yaml")));
}
