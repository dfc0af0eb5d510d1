using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.Kubectl;

/// <summary>The suite with the oldest kubectl installed here.</summary>
public sealed class KubectlOldestThroughGatewayTests(OldestKubectlGateway fixture) : KubectlThroughGatewayTests(fixture), IClassFixture<OldestKubectlGateway>;
