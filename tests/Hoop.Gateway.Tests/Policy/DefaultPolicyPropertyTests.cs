using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>
/// Property-style checks of the default policy: thousands of generated requests (methods and paths in odd spellings,
/// every dangerous subresource, dry runs, watches, applies, token Secrets) go through normalisation, classification and
/// the policy, and none may break the default policy's promises. Seeded, so a failure repeats.
/// </summary>
public class DefaultPolicyPropertyTests
{
    private const int Samples = 5000;

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "get", "delete", "Post"];
    private static readonly string[] Prefixes = ["/api/v1", "/apis/apps/v1", "/apis/example.com/v1", "/apis/certificates.k8s.io/v1", "/apis/rbac.authorization.k8s.io/v1", "/api/v1/watch", "/api/v1/proxy"];
    private static readonly string[] Resources = ["pods", "secrets", "configmaps", "deployments", "serviceaccounts", "nodes", "services", "namespaces", "certificatesigningrequests", "clusterrolebindings"];
    private static readonly string[] Subresources = ["", "", "exec", "attach", "portforward", "proxy", "token", "ephemeralcontainers", "status", "log", "scale", "approval"];
    private static readonly string[] Queries = ["", "watch=1", "dryRun=All", "sendInitialEvents=true&watch=true", "fieldSelector=metadata.name%3Dx", "command=sh&stdin=true", "labelSelector=a%3Db", "resourceVersion=5&watch=1"];
    private static readonly string[] ContentTypes = ["", "application/json", "application/apply-patch+yaml", "application/merge-patch+json"];
    private static readonly string[] Bodies =
    [
        "",
        "{}",
        "{\"kind\":\"Secret\",\"type\":\"kubernetes.io/service-account-token\"}",
        "kind: Secret\ntype: kubernetes.io/service-account-token\n",
        "{\"kind\":\"DeleteOptions\",\"dryRun\":[\"All\"]}",
    ];

    private static readonly HashSet<string> Streams = new(["exec", "attach", "portforward", "proxy"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void DefaultPolicy_GeneratedRequests_KeepItsPromises()
    {
        var evaluator = PolicyEvaluator.ForDocument(DefaultPolicy.Document);
        var random = new Random(20261126);
        var judged = 0;
        for (var i = 0; i < Samples; i++)
        {
            var method = Pick(random, Methods);
            var target = Target(random);
            var contentType = Pick(random, ContentTypes);
            var body = Pick(random, Bodies);
            var decision = GatewayReading.Decide(evaluator, "agent", method, target, contentType, body, [], out var info, out _);
            if (decision is null || info is null)
            {
                continue;
            }

            judged++;
            var broken = BrokenPromise(info, decision, target, contentType, body);
            Assert.True(broken is null, $"{method} {target} [{contentType}] {body} -> {decision.Action} {decision.Rule}: {broken} ({info})");
        }

        Assert.True(judged > Samples / 2, $"only {judged} of {Samples} generated requests got past normalisation");
    }

    private static string? BrokenPromise(RequestInfo info, Decision decision, string target, string contentType, string body)
    {
        var blocked = decision.Action == DecisionAction.Block;
        if (info.IsResourceRequest && Streams.Contains(info.Subresource) && !blocked)
        {
            return "streams and proxies are always blocked";
        }

        if (info.Verb is "delete" or "deletecollection" or "proxy" && !blocked)
        {
            return "deleting and legacy proxying are always blocked";
        }

        if (info.Subresource.Equals("token", StringComparison.OrdinalIgnoreCase) && info.Resource.Equals("serviceaccounts", StringComparison.OrdinalIgnoreCase) && !blocked)
        {
            return "token requests are always blocked";
        }

        var mayCreate = info.Verb is "create" or "update" || (info.Verb == "patch" && contentType == "application/apply-patch+yaml");
        if (info.IsResourceRequest && info.ApiGroup.Length == 0 && info.Resource == "secrets" && info.Subresource.Length == 0
            && mayCreate && body.Contains("service-account-token", StringComparison.Ordinal) && !blocked)
        {
            return "token Secrets are never created";
        }

        if (decision.Action == DecisionAction.Allow)
        {
            var read = info.Verb is "get" or "list" or "watch";
            var selfReview = info.Verb == "create" && info.Resource.StartsWith("selfsubject", StringComparison.Ordinal);
            var dryRun = target.Contains("dryRun=All", StringComparison.Ordinal) && info.Verb is "create" or "update" or "patch";
            if (!read && !selfReview && !dryRun)
            {
                return "only reads, self-reviews and server-side dry runs are allowed without a person";
            }
        }

        return null;
    }

    private static string Target(Random random)
    {
        var resource = Flip(random, Pick(random, Resources));
        var sub = Flip(random, Pick(random, Subresources));
        var path = $"{Pick(random, Prefixes)}/namespaces/default/{resource}";
        if (random.Next(4) > 0)
        {
            path += "/obj-" + random.Next(3);
            if (sub.Length > 0)
            {
                path += "/" + sub;
            }
        }

        var query = Pick(random, Queries);
        return query.Length == 0 ? path : path + "?" + query;
    }

    private static string Flip(Random random, string value) =>
        random.Next(6) == 0 && value.Length > 0 ? char.ToUpperInvariant(value[0]) + value[1..] : value;

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
