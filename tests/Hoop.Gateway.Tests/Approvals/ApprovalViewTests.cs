using Hoop.Gateway.Approvals;
using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>What the approver sees: the request in kubectl terms, the body masked like a journaled request body.</summary>
public sealed class ApprovalViewTests
{
    [Theory]
    [InlineData("patch", "apps", "deployments", "scale", "default", "web", "patch deployments.apps/web --subresource=scale -n default")]
    [InlineData("create", "", "configmaps", "", "shop", "", "create configmaps -n shop")]
    [InlineData("delete", "rbac.authorization.k8s.io", "clusterroles", "", "", "admin", "delete clusterroles.rbac.authorization.k8s.io/admin")]
    public void Terms_Request_ReadsAsKubectl(string verb, string group, string resource, string subresource, string ns, string name, string expected)
    {
        var request = Request() with { Verb = verb, ApiGroup = group, Resource = resource, Subresource = subresource, Namespace = ns, Name = name };

        Assert.Equal(expected, ApprovalView.Terms(request));
    }

    [Fact]
    public void Create_SecretBody_ValuesMasked()
    {
        var request = Request() with
        {
            Verb = "create",
            Resource = "secrets",
            Namespace = "default",
            Body = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"data":{"password":"c3VwZXItc2VjcmV0LXBhc3N3b3Jk"}}""",
        };

        var view = ApprovalView.Create(request, new ResponseMasker(MaskingOptions.Default));

        Assert.DoesNotContain("c3VwZXItc2VjcmV0LXBhc3N3b3Jk", view.MaskedBody, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"db\"", view.MaskedBody, StringComparison.Ordinal);
    }

    private static ApprovalRequest Request() => new()
    {
        ApprovalId = "ap-1",
        SessionId = "s-1",
        AuditId = "a-1",
        Requester = "hoop-dev:alice",
        Connection = "demo",
        Method = "POST",
        Target = "/api/v1/namespaces/default/secrets",
        ContentType = "application/json",
        Rule = "writes-need-approval",
        ApproverGroups = ["sre-leads"],
        Timeout = TimeSpan.FromMinutes(15),
    };
}
