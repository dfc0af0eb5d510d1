using System.Globalization;
using Hoop.Gateway.Hosting;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>The demo gateway with the default policy (demo connection: impersonate) and the revocation bound at seconds.</summary>
public sealed class ShortRevocationGateway : DemoGatewayFixture
{
    public const int BoundSeconds = 2;

    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => null;

    protected override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.SessionValidationCacheSeconds] = BoundSeconds.ToString(CultureInfo.InvariantCulture),
    };
}
