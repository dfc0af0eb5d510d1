using System.Globalization;
using Hoop.Gateway.Hosting;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// The demo gateway holding calls for only <see cref="HoldSeconds"/> seconds, with a policy whose configmap rule expires
/// in seconds (assets/policy/approvals-short.yaml): to see the "pending" answer, the retry and the timeout.
/// </summary>
public sealed class ShortHoldApprovalGateway : DemoGatewayFixture
{
    public const int HoldSeconds = 2;

    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => Path.Combine(AppContext.BaseDirectory, "assets", "policy", "approvals-short.yaml");

    protected override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.ApprovalHoldSeconds] = HoldSeconds.ToString(CultureInfo.InvariantCulture),
    };
}
