using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>The bounded retry of <see cref="RetryOptions"/> as a Polly pipeline: retry (exponential, jitter, Retry-After honoured up to the cap) around a per-attempt timeout.</summary>
internal static class NotificationRetry
{
    public static ResiliencePipeline Create(RetryOptions options, Func<Exception, bool> isTransient, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && (ex is TimeoutRejectedException || isTransient(ex))),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is WebhookStatusException { RetryAfter: { } after } ? TimeSpan.FromTicks(Math.Min(after.Ticks, options.MaxDelay.Ticks)) : null),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }
}
