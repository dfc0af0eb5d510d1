using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

/// <summary>
/// One MailDev (the real npm SMTP sink) for the test assembly, started on first use and stopped when the test process
/// exits. Tests isolate themselves by sending to addresses no other test uses (<see cref="NewAddress"/>).
/// </summary>
internal static class SharedMaildev
{
    private static readonly Lazy<Task<MaildevProcess>> Instance = new(StartAsync);

    public static Task<MaildevProcess> GetAsync() => Instance.Value;

    public static string NewAddress(string who = "bob") => who + "-" + Guid.NewGuid().ToString("N")[..12] + "@example.test";

    private static async Task<MaildevProcess> StartAsync()
    {
        var location = Path.Combine(Path.GetTempPath(), "hoop-maildev-" + Guid.NewGuid().ToString("N"));
        var maildev = await MaildevProcess.StartAsync(location);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            maildev.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return maildev;
    }
}
