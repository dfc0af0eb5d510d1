namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// The bounded retry every notifier uses: a few attempts, exponential backoff with jitter, a timeout per attempt. The
/// defaults keep the worst case (3 × 15 s plus about 3 s of backoff) well under a minute, far inside the notify activity's
/// time and the approval's own timeout.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The first backoff; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff, also the cap on a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt (connect, send, answer) may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
