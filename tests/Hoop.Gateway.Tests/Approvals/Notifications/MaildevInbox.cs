using System.Text.Json;
using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

/// <summary>Reads what MailDev received through its REST API (<c>GET /api/email</c>).</summary>
internal static class MaildevInbox
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The first mail whose envelope goes to <paramref name="address"/>, waiting up to 10 s for it.</summary>
    public static async Task<ReceivedMail> WaitForAsync(MaildevProcess maildev, string address)
    {
        for (var i = 0; i < 100; i++)
        {
            using var list = JsonDocument.Parse(await Http.GetStringAsync(new Uri(maildev.WebUrl, "api/email")));
            foreach (var mail in list.RootElement.EnumerateArray())
            {
                var to = mail.GetProperty("envelope").GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()).ToList();
                if (to.Contains(address, StringComparer.OrdinalIgnoreCase))
                {
                    return new ReceivedMail(
                        mail.GetProperty("subject").GetString() ?? "",
                        mail.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
                        mail.TryGetProperty("html", out var html) ? html.GetString() ?? "" : "",
                        [.. to.Select(t => t!)],
                        mail.GetProperty("source").GetString() ?? "");
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no mail to {address} arrived");
    }
}

/// <summary>A mail as MailDev parsed it, and the path of its raw source.</summary>
internal sealed record ReceivedMail(string Subject, string Text, string Html, IReadOnlyList<string> To, string SourcePath);
