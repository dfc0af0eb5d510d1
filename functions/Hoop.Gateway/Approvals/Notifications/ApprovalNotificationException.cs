namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// A notification that could not be delivered. Its message is journaled (<c>notified</c>, <c>failed: ...</c>), so it is
/// built from known parts only (channel, host, status code, socket error, attempts) and never carries the webhook URL (its
/// query signs posts to the channel), the SMTP password or a server's free-text answer.
/// </summary>
public sealed class ApprovalNotificationException : Exception
{
    /// <summary>Creates the exception with a message that holds no secret.</summary>
    public ApprovalNotificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public ApprovalNotificationException()
    {
    }

    /// <summary>Not used by the notifiers (they never chain an exception whose message could hold a secret).</summary>
    public ApprovalNotificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
