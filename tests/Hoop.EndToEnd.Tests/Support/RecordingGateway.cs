namespace Hoop.EndToEnd.Tests.Support;

/// <summary>A demo gateway of its own for the recording tests (they stop its Azurite, or count its records).</summary>
public sealed class RecordingGateway : DemoGatewayFixture
{
    protected override string KubernetesVersion => "v1.33.1";
}
