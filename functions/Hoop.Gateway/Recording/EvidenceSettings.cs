using System.Globalization;
using Hoop.Gateway.Pipeline;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The configured bounds an evidence report states (tests shorten them, so an auditor must see the values in force):
/// stream bounds, the request body limit and the journal's recording bounds. Approval hold, timeouts and the revocation
/// delay are added here when the approvals and identity work adds their options.
/// </summary>
internal static class EvidenceSettings
{
    public static IReadOnlyDictionary<string, string> InForce(GatewayOptions gateway, JournalOptions journal) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Hoop:Gateway:WatchMaxSeconds"] = N(gateway.WatchMaxSeconds),
        ["Hoop:Gateway:LogFollowMaxSeconds"] = N(gateway.LogFollowMaxSeconds),
        ["Hoop:Gateway:MaxRequestBodyBytes"] = N(gateway.MaxRequestBodyBytes),
        ["Hoop:Journal:TablePrefix"] = journal.TablePrefix,
        ["Hoop:Journal:SegmentFlushMilliseconds"] = N(journal.SegmentFlushMilliseconds),
        ["Hoop:Journal:MaxPendingResponseBytes"] = N(journal.MaxPendingResponseBytes),
        ["Hoop:Journal:MaxRecordedBodyBytes"] = N(journal.MaxRecordedBodyBytes),
        ["Hoop:Journal:AnchorContainerUri"] = journal.AnchorContainerUri?.ToString() ?? journal.AnchorDirectory ?? "(none)",
    };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
