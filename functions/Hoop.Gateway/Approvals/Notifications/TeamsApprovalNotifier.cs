using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Polly;
using Polly.Timeout;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// Posts the approval card (<see cref="TeamsCard"/>) to the Teams workflow webhook of <see cref="NotifierSettings.TeamsWebhookUrl"/>,
/// retried with backoff on connection errors, timeouts, 408, 429 (Retry-After honoured up to the cap) and 5xx. Redirects
/// are not followed (the card and its links go to the configured URL or nowhere).
/// </summary>
public sealed class TeamsApprovalNotifier : IApprovalNotifier, IDisposable
{
    private readonly Uri _webhook;
    private readonly ApprovalMessageBuilder _messages;
    private readonly RetryOptions _retry;
    private readonly ResiliencePipeline _pipeline;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Creates the notifier; <paramref name="settings"/> must name a webhook.</summary>
    public TeamsApprovalNotifier(NotifierSettings settings, ApprovalMessageBuilder messages, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _webhook = settings.TeamsWebhookUrl ?? throw new ArgumentException("no Teams webhook URL is configured", nameof(settings));
        _messages = messages;
        _time = time;
        _retry = settings.Retry;
        _pipeline = NotificationRetry.Create(settings.Retry, IsTransient, time);
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // The pipeline's per-attempt timeout bounds each post.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <inheritdoc />
    public string Channel => "teams";

    /// <inheritdoc />
    public async Task NotifyAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        var message = await _messages.BuildAsync(request, cancellationToken);
        var payload = TeamsCard.Create(message);
        var attempts = 0;
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var content = new StringContent(payload, Encoding.UTF8, "application/json");
                    using var response = await _http.PostAsync(_webhook, content, token);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new WebhookStatusException(response.StatusCode, RetryAfter(response));
                    }
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Built from known parts only: the URL's query is a signature and must not reach the journal.
            throw new ApprovalNotificationException(
                $"Teams webhook ({_webhook.Host}): {Describe(ex)} after {attempts.ToString(CultureInfo.InvariantCulture)} attempt(s)");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static bool IsTransient(Exception ex) => ex switch
    {
        WebhookStatusException status => status.IsTransient,
        HttpRequestException => true,
        _ => false,
    };

    private string Describe(Exception ex) => ex switch
    {
        WebhookStatusException status => $"HTTP {((int)status.Status).ToString(CultureInfo.InvariantCulture)} ({status.Status})",
        TimeoutRejectedException => $"no answer within {_retry.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        HttpRequestException { InnerException: SocketException socket } => $"connection failed ({socket.SocketErrorCode})",
        HttpRequestException http => $"request failed ({http.HttpRequestError})",
        _ => ex.GetType().Name,
    };

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        return header.Date is { } date ? date - _time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero : null;
    }
}
