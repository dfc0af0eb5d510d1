using Hoop.Gateway.Hosting;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// The demo gateway exactly as <c>hoop serve --demo</c> runs it: the shipped default policy. Calls that need approval are
/// held for one second only (the guardrail tests check that they never reach the cluster; Approvals/ decides them).
/// </summary>
public sealed class DefaultPolicyGateway : DemoGatewayFixture
{
    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => null;

    protected override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.ApprovalHoldSeconds] = "1",
    };
}
