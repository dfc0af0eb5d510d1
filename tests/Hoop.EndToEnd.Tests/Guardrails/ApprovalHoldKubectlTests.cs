using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.Guardrails;

/// <summary>
/// The default policy's approve rules with the real kubectl, on a gateway of their own (approvals pending in one session
/// count against its cap, so other suites' approve-rule requests must not share it).
/// </summary>
public sealed class ApprovalHoldKubectlTests(DefaultPolicyGateway fixture) : IClassFixture<DefaultPolicyGateway>
{
    [Fact]
    public async Task Scale_DefaultPolicy_HeldForApprovalThenPendingAndNotForwarded()
    {
        var result = await fixture.Kubectl.RunAsync("scale", "deploy", "web", "-n", "default", "--replicas=5");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Error from server \(Forbidden\): approval ap-[0-9a-z]+ is pending; run the same command again once approved", result.Stderr);
        var replicas = await fixture.DirectKubectl.RunAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.replicas}");
        Assert.NotEqual("5", replicas.Stdout.Trim());
    }
}
