namespace Hoop.EndToEnd.Tests.Support;

/// <summary>The demo gateway in front of a cluster that makes the dispatcher pick the oldest installed kubectl.</summary>
public sealed class OldestKubectlGateway : DemoGatewayFixture
{
    protected override string KubernetesVersion => "v1.27.16";
}
