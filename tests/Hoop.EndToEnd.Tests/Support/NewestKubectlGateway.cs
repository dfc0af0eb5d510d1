namespace Hoop.EndToEnd.Tests.Support;

/// <summary>The demo gateway in front of a cluster that makes the dispatcher pick the newest installed kubectl.</summary>
public sealed class NewestKubectlGateway : DemoGatewayFixture
{
    protected override string KubernetesVersion => "v1.33.1";
}
