using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.KubectlSuite;

/// <summary>The suite with the oldest kubectl installed here.</summary>
public sealed class KubectlOldestThroughGatewayTests(OldestKubectlGateway fixture) : KubectlThroughGatewayTests(fixture), IClassFixture<OldestKubectlGateway>;
