using System.Globalization;
using System.Net.Sockets;
using Hoop.Gateway.Policy;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Polly;
using Polly.Timeout;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// Sends the approval e-mail (<see cref="ApprovalEmail"/>) over SMTP with MailKit to the recipients the policy's
/// <c>approvals.email</c> names for the approval's approvers. TLS is required (STARTTLS, or TLS on connect on port 465)
/// except to a loopback server. Retried with backoff on connection errors, timeouts and 4xx answers; authentication
/// failures and 5xx answers fail at once.
/// </summary>
public sealed class EmailApprovalNotifier : IApprovalNotifier
{
    private readonly SmtpSettings _smtp;
    private readonly RetryOptions _retry;
    private readonly ApprovalMessageBuilder _messages;
    private readonly IPolicySource _policies;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Creates the notifier; <paramref name="settings"/> must name an SMTP server.</summary>
    public EmailApprovalNotifier(NotifierSettings settings, ApprovalMessageBuilder messages, IPolicySource policies, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _smtp = settings.Smtp ?? throw new ArgumentException("no SMTP server is configured", nameof(settings));
        _retry = settings.Retry;
        _messages = messages;
        _policies = policies;
        _pipeline = NotificationRetry.Create(settings.Retry, IsTransient, time);
    }

    /// <inheritdoc />
    public string Channel => "email";

    /// <inheritdoc />
    public async Task NotifyAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipients = NotificationPolicy.Read(_policies.Current).Recipients(request);
        if (recipients.Count == 0)
        {
            throw new ApprovalNotificationException(
                $"no e-mail recipients for approvers {string.Join(", ", request.Approvers)}: list them under approvals.email in the policy");
        }

        var mail = ApprovalEmail.Create(await _messages.BuildAsync(request, cancellationToken), _smtp.From, recipients);
        var attempts = 0;
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var client = new SmtpClient { Timeout = (int)_retry.AttemptTimeout.TotalMilliseconds };
                    await client.ConnectAsync(_smtp.Host, _smtp.Port, Security(), token);
                    if (_smtp.Password is { } password)
                    {
                        await client.AuthenticateAsync(_smtp.User ?? _smtp.From, password, token);
                    }

                    await client.SendAsync(mail, token);
                    await client.DisconnectAsync(quit: true, token);
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Built from known parts only: never the password, never the server's free text.
            throw new ApprovalNotificationException(
                $"SMTP {_smtp.Host}:{_smtp.Port.ToString(CultureInfo.InvariantCulture)}: {Describe(ex)} after {attempts.ToString(CultureInfo.InvariantCulture)} attempt(s)");
        }
    }

    private SecureSocketOptions Security() => _smtp.Port == 465
        ? SecureSocketOptions.SslOnConnect
        : _smtp.AllowsPlainText ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls;

    private static bool IsTransient(Exception ex) => ex switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        AuthenticationException or SslHandshakeException => false,
        SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException => true,
        _ => false,
    };

    private string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"the server answered {((int)command.StatusCode).ToString(CultureInfo.InvariantCulture)} ({command.ErrorCode})",
        AuthenticationException => "authentication failed (check the user and the password setting)",
        SslHandshakeException => "the TLS handshake failed",
        TimeoutRejectedException => $"no answer within {_retry.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        SocketException socket => $"connection failed ({socket.SocketErrorCode})",
        NotSupportedException => "the server does not offer STARTTLS (TLS is required except on loopback)",
        SmtpProtocolException or IOException or ServiceNotConnectedException => "the connection broke (" + ex.GetType().Name + ")",
        _ => ex.GetType().Name,
    };
}
