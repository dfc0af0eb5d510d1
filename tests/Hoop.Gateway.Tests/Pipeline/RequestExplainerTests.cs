using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Tests.Pipeline;

/// <summary><c>hoop explain</c>'s object (DESIGN.md §8): the apiserver's reading, the refusal beside it, the decision.</summary>
public sealed class RequestExplainerTests
{
    private static readonly RequestExplainer Explainer = new(PolicyEvaluator.ForDocument(DefaultPolicy.Document), "agent");

    [Fact]
    public void Explain_BlockedDelete_HasRequestAndDecisionNamingTheRule()
    {
        var result = Explainer.Explain("delete", "/api/v1/namespaces/default/pods/x");

        Assert.Equal("delete", (string?)result["request"]!["verb"]);
        Assert.Equal("x", (string?)result["request"]!["name"]);
        Assert.Equal("block", (string?)result["decision"]!["action"]);
        Assert.Equal("no-delete", (string?)result["decision"]!["rule"]);
        Assert.False(result.ContainsKey("error"));
    }

    [Fact]
    public void Explain_AmbiguousTarget_ShowsApiServerReadingWithRefusalAndNoDecision()
    {
        var result = Explainer.Explain("GET", "/api/v1/namespaces/default/%73ecrets");

        Assert.Equal("secrets", (string?)result["request"]!["resource"]);
        Assert.Equal(400, (int?)result["error"]!["code"]);
        Assert.Equal("Status", (string?)result["error"]!["kind"]);
        Assert.Null(result["decision"]);
    }

    [Fact]
    public void Explain_Exec_IsRefusedBeforePolicy()
    {
        var result = Explainer.Explain("POST", "/api/v1/namespaces/default/pods/p/exec?command=ls&stdout=true");

        Assert.Equal("create", (string?)result["request"]!["verb"]);
        Assert.Equal("exec", (string?)result["request"]!["subresource"]);
        Assert.Equal(403, (int?)result["error"]!["code"]);
    }

    [Fact]
    public void Explain_AbsentStrings_AreEmptyNotNull()
    {
        var result = Explainer.Explain("GET", "/version");

        Assert.Equal("", (string?)result["request"]!["namespace"]);
        Assert.Equal("get", (string?)result["request"]!["verb"]);
        Assert.False((bool)result["request"]!["isResourceRequest"]!);
        Assert.Equal("allow", (string?)result["decision"]!["action"]);
    }
}
