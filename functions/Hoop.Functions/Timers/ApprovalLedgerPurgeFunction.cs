using Hoop.Gateway.Approvals;
using Hoop.Gateway.Policy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hoop.Functions.Timers;

/// <summary>
/// Daily (03:30 UTC) purge of approval ledger rows older than their retention (docs/approvals.md, "Retention"); one
/// timer per app. The ledger is not the journal: the journal is never purged by the gateway.
/// </summary>
public sealed partial class ApprovalLedgerPurgeFunction(IServiceProvider services, ILogger<ApprovalLedgerPurgeFunction> logger)
{
    [Function("ApprovalLedgerPurge")]
    public async Task RunAsync([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var ledger = services.GetService<TableApprovalLedger>();
        if (ledger is null)
        {
            NotConfigured(logger);
            return;
        }

        var cutoff = ApprovalLedgerRetention.Cutoff(
            services.GetRequiredService<IOptions<ApprovalLedgerOptions>>().Value,
            services.GetRequiredService<IPolicySource>().Current,
            services.GetRequiredService<IOptions<ApprovalOptions>>().Value.DefaultTimeout,
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        var purged = await ledger.PurgeAsync(cutoff, cancellationToken);
        Purged(logger, purged, cutoff);
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "No approval ledger is configured; nothing to purge")]
    private static partial void NotConfigured(ILogger logger);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Purged {Count} approval ledger rows last written before {Cutoff}")]
    private static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);
}
