using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

/// <summary>
/// A MailDev (the real npm SMTP sink) for one test class, stopped by xunit when the class is done (a process-exit hook is
/// not reliable under the test host). Tests isolate themselves by sending to addresses no other test uses (<see cref="NewAddress"/>).
/// </summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private readonly string _location = Path.Combine(Path.GetTempPath(), "hoop-maildev-" + Guid.NewGuid().ToString("N"));
    private MaildevProcess? _maildev;

    public MaildevProcess Maildev => _maildev ?? throw new InvalidOperationException("MailDev has not started");

    public static string NewAddress(string who = "bob") => who + "-" + Guid.NewGuid().ToString("N")[..12] + "@example.test";

    public async Task InitializeAsync() => _maildev = await MaildevProcess.StartAsync(_location);

    public async Task DisposeAsync()
    {
        if (_maildev is not null)
        {
            await _maildev.DisposeAsync();
        }

        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
