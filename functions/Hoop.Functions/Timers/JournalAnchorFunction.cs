using Hoop.Gateway.Recording;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hoop.Functions.Timers;

/// <summary>
/// Daily (00:10 UTC) anchor of every session's chain head to the WORM container (docs/recording.md). One timer runs per
/// app, not per instance (the Functions host holds a lease on it).
/// </summary>
public sealed partial class JournalAnchorFunction(IServiceProvider services, ILogger<JournalAnchorFunction> logger)
{
    [Function("JournalAnchor")]
    public async Task RunAsync([TimerTrigger("0 10 0 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var writer = services.GetService<AnchorWriter>();
        if (writer is null)
        {
            NotConfigured(logger);
            return;
        }

        var heads = await writer.WriteAsync(cancellationToken);
        Anchored(logger, heads.Count);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "No audit journal is configured; no anchor was written")]
    private static partial void NotConfigured(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Anchored {Count} session heads")]
    private static partial void Anchored(ILogger logger, int count);
}
