using System.Globalization;
using Hoop.Gateway.Hosting;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// The demo gateway with the shipped default policy and approvals live: held calls wait up to <see cref="HoldSeconds"/>,
/// long enough for a test to decide while kubectl waits.
/// </summary>
public sealed class ApprovalGateway : DemoGatewayFixture
{
    public const int HoldSeconds = 30;

    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => null;

    protected override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.ApprovalHoldSeconds] = HoldSeconds.ToString(CultureInfo.InvariantCulture),
    };
}
