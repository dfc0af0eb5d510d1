using System.Net;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>A webhook answered with an error status; <see cref="IsTransient"/> for 408, 429 and 5xx.</summary>
internal sealed class WebhookStatusException(HttpStatusCode status, TimeSpan? retryAfter)
    : Exception("HTTP " + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)Status >= 500;
}
