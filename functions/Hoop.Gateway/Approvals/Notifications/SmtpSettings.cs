namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>How approval e-mail leaves: the SMTP server and sender (app settings <c>Hoop:Approvals:Smtp:*</c>; the password a Key Vault reference).</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    /// <summary>587 (STARTTLS) by default; 465 means TLS from the first byte.</summary>
    public int Port { get; init; } = 587;

    /// <summary>The sender address (also the user name when <see cref="User"/> is not set).</summary>
    public required string From { get; init; }

    public string? User { get; init; }

    /// <summary>The password; never written to a log, a journal record or an exception message.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Whether the connection may stay unencrypted: only for a server on the loopback interface (the demo's and the tests'
    /// SMTP sink). Anywhere else TLS is required (STARTTLS, or TLS on connect on port 465), so the password and the
    /// approval links never cross a network in clear text.
    /// </summary>
    public bool AllowsPlainText => NotifierSettings.IsLoopback(Host);

    /// <inheritdoc />
    public override string ToString() => $"SmtpSettings {{ Host = {Host}, Port = {Port}, From = {From} }}";
}
