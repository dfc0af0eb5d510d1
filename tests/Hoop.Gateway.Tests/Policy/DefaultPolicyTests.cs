using Hoop.Gateway.Policy;
using static Hoop.Gateway.Tests.Policy.RuleFactory;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>The shipped default policy. Its behaviour table is assets/policy/bypass.jsonl (PolicyBypassTests) and its
/// promises are checked on generated requests (DefaultPolicyPropertyTests).</summary>
public class DefaultPolicyTests
{
    [Fact]
    public void DefaultPolicy_Check_HasNoProblems()
    {
        var result = PolicyLoader.Load(DefaultPolicy.Text, DefaultPolicy.SourceName);

        Assert.Equal([], result.Problems.Select(p => p.Format(DefaultPolicy.SourceName)));
        Assert.NotNull(result.Policy);
    }

    [Fact]
    public void DefaultPolicy_Shape_IsWhatTheDemoExpects()
    {
        var policy = DefaultPolicy.Document;

        var agent = policy.Roles["agent"];
        Assert.Equal(["developers"], agent.Groups);
        Assert.Equal(["demo"], agent.Connections);
        Assert.Equal(TimeSpan.FromHours(1), agent.MaxSession);
        var demo = policy.Connections["demo"];
        Assert.Equal("conn-demo", demo.Credential.KeyVaultSecret);
        Assert.Equal(ConnectionIdentity.Impersonate, demo.Identity);
        Assert.Equal(["sre-leads"], policy.Approvers["sre-leads"].Groups);
        Assert.Equal(["auditors"], policy.Auditors.Groups);
    }

    [Fact]
    public void DefaultPolicy_EveryBlockRule_TellsTheAgentWhy()
    {
        var blocks = DefaultPolicy.Document.Roles["agent"].Rules.Where(r => r.Action == DecisionAction.Block).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, r => Assert.False(string.IsNullOrWhiteSpace(r.Message), r.Id));
    }

    [Fact]
    public void DefaultPolicy_Delete_MessageIsWhatKubectlPrints()
    {
        var evaluator = PolicyEvaluator.ForDocument(DefaultPolicy.Document);

        var decision = evaluator.Decide("agent", Resource("delete", "apps", "deployments", ns: "default", name: "web"));

        Assert.Equal(
            "blocked by rule \"no-delete\": Deleting is not allowed for AI agents. Ask a person to do this, or use 'kubectl get' to inspect instead.",
            decision.Message);
    }

    [Fact]
    public void DefaultPolicy_Scale_AsksSreLeads()
    {
        var evaluator = PolicyEvaluator.ForDocument(DefaultPolicy.Document);

        var decision = evaluator.Decide("agent", Resource("patch", "apps", "deployments", "scale", "default", "web"), contentType: "application/merge-patch+json");

        Assert.Equal(DecisionAction.Approve, decision.Action);
        Assert.Equal("rule \"scale-needs-approval\" requires approval by sre-leads: Scaling changes how much runs in the cluster.", decision.Message);
    }
}
