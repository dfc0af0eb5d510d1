using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Approvals.Notifications;
using MimeKit;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

public partial class EmailApprovalNotifierTests(MaildevFixture fixture) : IClassFixture<MaildevFixture>
{
    [Fact]
    public async Task Notify_ThroughMaildev_ArrivesToApproversWithSameContentInTextAndHtml()
    {
        var maildev = fixture.Maildev;
        var bob = MaildevFixture.NewAddress();
        using var bed = await NotificationTestBed.CreateAsync(bob);
        var notifier = Notifier(bed, maildev.SmtpPort);
        var request = NotificationTestBed.Scale();

        await notifier.NotifyAsync(request);

        var mail = await MaildevInbox.WaitForAsync(maildev, bob);
        Assert.Equal(new[] { bob, "oncall@example.test" }.Order(StringComparer.Ordinal), mail.To.Order(StringComparer.Ordinal));
        Assert.StartsWith("Approval needed: patch deployments", mail.Subject, StringComparison.Ordinal);
        Assert.EndsWith("(" + request.ApprovalId + ")", mail.Subject, StringComparison.Ordinal);
        foreach (var part in new[] { mail.Text, mail.Html })
        {
            var readable = part.Replace(InertText.Breaker.ToString(), "", StringComparison.Ordinal);
            Assert.Contains("scale web -n default", readable, StringComparison.Ordinal);
            Assert.Contains("hoop-dev:alice", readable, StringComparison.Ordinal);
            Assert.Contains("s-notify", readable, StringComparison.Ordinal);
            Assert.Contains("writes-need-approval", readable, StringComparison.Ordinal);
            Assert.Contains("\"replicas\": 3", WebUtility.HtmlDecode(readable), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Notify_ThroughMaildev_LinksInTextAndHtmlVerifyWithTheirIntent()
    {
        var maildev = fixture.Maildev;
        var bob = MaildevFixture.NewAddress();
        using var bed = await NotificationTestBed.CreateAsync(bob);
        var request = NotificationTestBed.Scale();

        await Notifier(bed, maildev.SmtpPort).NotifyAsync(request);

        var mail = await MaildevInbox.WaitForAsync(maildev, bob);
        var textLinks = Links(mail.Text);
        var htmlLinks = Hrefs().Matches(mail.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(3, textLinks.Count);
        Assert.Equal(3, htmlLinks.Count);
        foreach (var link in textLinks.Concat(htmlLinks))
        {
            var url = new Uri(link);
            Assert.Equal(ApprovalLinks.PagePath(request.ApprovalId), url.AbsolutePath);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
            Assert.NotNull(await bed.Links.VerifyAsync(request.ApprovalId, query[ApprovalLinks.TokenParameter]));
        }

        Assert.Equal(["approve", "deny", ""], htmlLinks.Select(l => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(l).Query).TryGetValue("intent", out var i) ? i.ToString() : ""));
    }

    [Fact]
    public async Task Notify_HostileNamesAndAnnotations_AreInertInHtmlTextAndSubject()
    {
        var maildev = fixture.Maildev;
        var bob = MaildevFixture.NewAddress();
        using var bed = await NotificationTestBed.CreateAsync(bob);
        var request = NotificationTestBed.CreateDeployment(NotificationTestBed.Asset("deployment-hostile.json")) with
        {
            // A name cannot hold a line break in Kubernetes, but the subject must survive one whatever the agent sends.
            Target = "/apis/apps/v1/namespaces/default/deployments\r\nBcc: victim@evil.com",
        };

        await Notifier(bed, maildev.SmtpPort).NotifyAsync(request);

        var mail = await MaildevInbox.WaitForAsync(maildev, bob);
        var source = await File.ReadAllTextAsync(mail.SourcePath);
        using var parsed = await MimeMessage.LoadAsync(mail.SourcePath);
        Assert.Empty(parsed.Bcc);
        Assert.DoesNotContain("victim", string.Join(",", parsed.To.Concat(parsed.Cc)), StringComparison.Ordinal);
        var headers = source[..source.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("victim", headers, StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain('\n', parsed.Subject ?? "");

        // The only anchors are the three signed links; no value becomes markup or a link.
        Assert.Equal(3, Hrefs().Matches(mail.Html).Count);
        Assert.Equal(3, Regex.Matches(mail.Html, "<a ", RegexOptions.IgnoreCase).Count);
        Assert.Contains("&lt;a href=", mail.Html.Replace(InertText.Breaker.ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var part in new[] { mail.Text, WebUtility.HtmlDecode(mail.Html), parsed.Subject ?? "" })
        {
            var withoutOurLinks = part.Replace(NotificationTestBed.BaseUrl.AbsoluteUri, "", StringComparison.Ordinal);
            Assert.DoesNotContain("://", withoutOurLinks, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"evil\.com", withoutOurLinks);
            Assert.DoesNotContain("](", withoutOurLinks, StringComparison.Ordinal);
        }

        var readable = mail.Text.Replace(InertText.Breaker.ToString(), "", StringComparison.Ordinal);
        Assert.Contains("web[click](https://evil.example.com/phish)", readable, StringComparison.Ordinal);
        Assert.Contains("!! HOST PATH volume: root: /", readable, StringComparison.Ordinal);
        Assert.Contains("!! PRIVILEGED container: container web", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-very-secret", mail.Text + mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_NoRecipientsForTheApprovers_FailsNamingThem()
    {
        using var bed = await NotificationTestBed.CreateAsync(policyAsset: "policy-no-email.yaml");
        var notifier = Notifier(bed, ClosedPort());

        var ex = await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(NotificationTestBed.Scale()));

        Assert.Contains("no e-mail recipients for approvers sre-leads", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_SmtpServerDown_FailsAfterThreeAttemptsWithoutThePassword()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        var notifier = Notifier(bed, ClosedPort(), password: "SMTP-PASSWORD-42");

        var ex = await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(NotificationTestBed.Scale()));

        Assert.Contains("SMTP 127.0.0.1:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("connection failed (ConnectionRefused)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SMTP-PASSWORD-42", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The SMTP notifier pointed at 127.0.0.1:<paramref name="port"/> (plain text allowed on loopback only).</summary>
    internal static EmailApprovalNotifier Notifier(NotificationTestBed bed, int port, string? password = null) => new(
        new NotifierSettings
        {
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, From = "hoop@example.test", Password = password },
            Retry = NotificationTestBed.FastRetry,
        },
        bed.Messages,
        bed.Policies,
        TimeProvider.System);

    /// <summary>A loopback port nothing listens on.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static List<string> Links(string text)
        => [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("https://", StringComparison.Ordinal)).Select(l => l[l.IndexOf("https://", StringComparison.Ordinal)..])];

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Hrefs();
}
