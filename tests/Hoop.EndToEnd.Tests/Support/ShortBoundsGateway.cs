using Hoop.Gateway.Hosting;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>The demo gateway with stream bounds shortened to seconds, to watch them end streams cleanly.</summary>
public sealed class ShortBoundsGateway : DemoGatewayFixture
{
    public const int Seconds = 3;

    protected override string KubernetesVersion => "v1.33.1";

    protected override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.LogFollowMaxSeconds] = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [SettingNames.WatchMaxSeconds] = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
