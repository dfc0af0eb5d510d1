using System.Text;
using System.Text.Json;
using Hoop.Gateway.Approvals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// The demo gateway with the approval tests' policy (assets/policy/approvals.yaml), and what the tests need to reach its
/// approvals: the pending list, signed page links (as e-mailed to bob, read from the demo's MailDev), held agent requests,
/// and one headless Chromium for the class.
/// </summary>
public sealed class ApprovalPageGateway : DemoGatewayFixture
{
    private static readonly HttpClient MailHttp = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Chromium? _chromium;

    protected override string KubernetesVersion => "v1.33.1";

    protected override string? PolicyFile => Path.Combine(AppContext.BaseDirectory, "assets", "policy", "approvals.yaml");

    /// <summary>Many tests share alice's one demo session: lift the per-session cap on pending approvals above their number.</summary>
    protected override Action<IServiceCollection>? ConfigureServices
        => services => services.Replace(ServiceDescriptor.Singleton(Options.Create(new ApprovalOptions { HoldSeconds = 60, MaxPendingPerSession = 100 })));

    internal ApprovalDesk Desk => Gateway.App.Services.GetRequiredService<ApprovalDesk>();

    /// <summary>The gateway's origin, as a browser on the page sends it.</summary>
    internal string Origin => Gateway.Url.GetLeftPart(UriPartial.Authority);

    /// <summary>Waits for a pending approval that <paramref name="match"/> picks.</summary>
    internal async Task<ApprovalRequest> WaitForPendingAsync(Func<ApprovalRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if ((await Desk.ListPendingAsync()).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("no matching approval became pending");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A signed page link for <paramref name="request"/>, as the notifiers send it.</summary>
    internal async Task<Uri> LinkAsync(ApprovalRequest request, string? intent = null)
        => await Gateway.App.Services.GetRequiredService<ApprovalLinks>().CreateAsync(request, intent);

    /// <summary>
    /// The link with <paramref name="intent"/> from the approval e-mail that reached bob's inbox in the demo's MailDev (its
    /// REST API), as bob would click it: the text part's <c>Approve:</c> / <c>Deny:</c> line.
    /// </summary>
    internal async Task<Uri> EmailedLinkAsync(ApprovalRequest request, string intent)
    {
        var inbox = Gateway.Mail?.InboxUrl ?? throw new InvalidOperationException("the demo gateway runs no MailDev");
        var label = intent == "approve" ? "Approve:" : "Deny:";
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using (var list = JsonDocument.Parse(await MailHttp.GetStringAsync(new Uri(inbox, "api/email"))))
            {
                foreach (var mail in list.RootElement.EnumerateArray())
                {
                    var to = mail.GetProperty("envelope").GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString());
                    var subject = mail.GetProperty("subject").GetString() ?? "";
                    if (to.Contains("bob@example.test", StringComparer.OrdinalIgnoreCase) && subject.Contains(request.ApprovalId, StringComparison.Ordinal))
                    {
                        var text = mail.GetProperty("text").GetString() ?? "";
                        var line = text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(label, StringComparison.Ordinal));
                        return new Uri(line[label.Length..].Trim());
                    }
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"no approval e-mail for {request.ApprovalId} reached bob@example.test");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends an agent request in the background (alice's session); the gateway holds it while approval is pending.</summary>
    internal Task<HttpResponseMessage> HoldAsync(HttpMethod method, string path, string json, CancellationToken cancellationToken)
    {
        var client = AgentClient();
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return client.SendAsync(request, cancellationToken);
    }

    /// <summary>One headless Chromium (Debian's /usr/bin/chromium) for the class.</summary>
    internal async Task<Chromium> ChromiumAsync() => _chromium ??= await Chromium.LaunchAsync();

    public override async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
