using Hoop.Gateway.Hosting;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>The demo gateway on the built-in default policy, with approvals holding the agent's call for 2 s only.</summary>
public sealed class DefaultPolicyGateway : DemoGatewayFixture
{
    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => null;

    protected override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.ApprovalHoldSeconds] = "2",
    };
}
