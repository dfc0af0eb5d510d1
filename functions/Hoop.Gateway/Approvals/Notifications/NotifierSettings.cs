using System.Globalization;
using System.Net;
using Hoop.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// Where approval notifications go, read from app settings only: the Teams workflow webhook URL and the SMTP password are
/// secrets (Key Vault references in Azure) and never appear in the policy file; the policy's <c>approvals:</c> section says
/// who receives e-mail (<see cref="NotificationPolicy"/>).
/// </summary>
public sealed record NotifierSettings
{
    /// <summary>The Teams workflow webhook (its query carries a signature: a secret); null when Teams is off.</summary>
    public Uri? TeamsWebhookUrl { get; init; }

    /// <summary>The SMTP server; null when e-mail is off.</summary>
    public SmtpSettings? Smtp { get; init; }

    /// <summary>The retry every notifier uses.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>Reads and checks the settings; a bad value fails the start with a message that never repeats a secret.</summary>
    /// <exception cref="InvalidOperationException">A setting is malformed or insecure.</exception>
    public static NotifierSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new NotifierSettings
        {
            TeamsWebhookUrl = ReadWebhook(configuration[SettingNames.TeamsWebhookUrl]),
            Smtp = ReadSmtp(configuration),
        };
    }

    /// <summary>Checks a Teams webhook URL: absolute, HTTPS (plain HTTP only to a loopback address, for tests); null when empty.</summary>
    /// <exception cref="InvalidOperationException">The URL is not acceptable (the message does not repeat it: it holds a signature).</exception>
    public static Uri? ReadWebhook(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"{SettingNames.TeamsWebhookUrl} is not an absolute https:// URL (the value is not shown: it is a secret).");
        }

        if (url.Scheme == "http" && !IsLoopback(url.Host))
        {
            throw new InvalidOperationException($"{SettingNames.TeamsWebhookUrl} must use https://: the URL's signature and the approval links would cross the network in clear text.");
        }

        return url;
    }

    /// <summary>Whether <paramref name="host"/> names this machine's loopback interface.</summary>
    public static bool IsLoopback(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
           || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static SmtpSettings? ReadSmtp(IConfiguration configuration)
    {
        var host = configuration[SettingNames.SmtpHost];
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var portText = configuration[SettingNames.SmtpPort];
        var port = 587;
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new InvalidOperationException($"{SettingNames.SmtpPort} '{portText}' is not a port number (1-65535).");
        }

        var from = configuration[SettingNames.SmtpFrom];
        if (string.IsNullOrWhiteSpace(from) || !EmailAddresses.IsValid(from.Trim()))
        {
            throw new InvalidOperationException($"{SettingNames.SmtpFrom} must be the sender's e-mail address (such as hoop@example.com) when {SettingNames.SmtpHost} is set.");
        }

        return new SmtpSettings
        {
            Host = host.Trim(),
            Port = port,
            From = from.Trim(),
            User = configuration[SettingNames.SmtpUser] is { Length: > 0 } user ? user.Trim() : null,
            Password = configuration[SettingNames.SmtpPassword] is { Length: > 0 } password ? password : null,
        };
    }
}
