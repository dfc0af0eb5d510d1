using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Hosting;

namespace Hoop.Cli.Serve;

/// <summary>
/// The demo's mail: MailDev (pinned in package.json) with its mail under <c>DIR/maildev</c>, and the settings that point the
/// e-mail notifier at it. The default policy mails approvals to <c>bob@example.test</c>, the demo's approver; read them in
/// MailDev's web inbox (<see cref="InboxUrl"/>).
/// </summary>
internal sealed class DemoMail : IAsyncDisposable
{
    /// <summary>The sender of the demo's approval e-mail.</summary>
    public const string From = "hoop@example.test";

    private readonly MaildevProcess _maildev;

    private DemoMail(MaildevProcess maildev) => _maildev = maildev;

    /// <summary>Where a person reads the demo's mail.</summary>
    public Uri InboxUrl => _maildev.WebUrl;

    /// <summary>The gateway settings that send approval e-mail here (plain SMTP on loopback: no password).</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.SmtpHost] = "127.0.0.1",
        [SettingNames.SmtpPort] = _maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [SettingNames.SmtpFrom] = From,
    };

    /// <summary>Starts MailDev unless <paramref name="configuration"/> already names an SMTP server (then null).</summary>
    public static async Task<DemoMail?> StartAsync(string stateDir, IReadOnlyDictionary<string, string?> configuration, CancellationToken cancellationToken = default)
    {
        if (configuration.TryGetValue(SettingNames.SmtpHost, out var host) && !string.IsNullOrEmpty(host))
        {
            return null;
        }

        return new DemoMail(await MaildevProcess.StartAsync(Path.Combine(stateDir, "maildev"), cancellationToken));
    }

    public ValueTask DisposeAsync() => _maildev.DisposeAsync();
}
