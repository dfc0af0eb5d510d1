namespace Hoop.EndToEnd.Tests.Support;

/// <summary>The demo gateway exactly as <c>hoop serve --demo</c> runs it: the shipped default policy.</summary>
public sealed class DefaultPolicyGateway : DemoGatewayFixture
{
    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => null;
}
