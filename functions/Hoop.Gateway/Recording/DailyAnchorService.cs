using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Recording;

/// <summary>
/// <c>hoop serve</c>'s daily anchor of the chain heads (the function app uses a timer function instead, which runs once
/// per app rather than once per instance).
/// </summary>
internal sealed partial class DailyAnchorService(IServiceProvider services, TimeProvider time, ILogger<DailyAnchorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<AnchorWriter>().WriteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Error, Message = "The daily anchor could not be written")]
    private static partial void Failed(ILogger logger, Exception exception);
}
