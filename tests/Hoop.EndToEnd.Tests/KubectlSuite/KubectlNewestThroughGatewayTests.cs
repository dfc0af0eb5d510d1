using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.KubectlSuite;

/// <summary>The suite with the newest kubectl installed here.</summary>
public sealed class KubectlNewestThroughGatewayTests(NewestKubectlGateway fixture) : KubectlThroughGatewayTests(fixture), IClassFixture<NewestKubectlGateway>;
