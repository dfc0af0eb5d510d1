using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

public class TeamsApprovalNotifierTests
{
    [Fact]
    public async Task Notify_Accepted_PostsAdaptiveCardWithSignedOpenUrlButtons()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        await using var webhook = await WebhookReceiver.StartAsync();
        using var notifier = Notifier(bed, webhook.Url);
        var request = NotificationTestBed.Scale();

        await notifier.NotifyAsync(request);

        using var payload = JsonDocument.Parse(Assert.Single(webhook.Posts));
        Assert.Equal("message", payload.RootElement.GetProperty("type").GetString());
        var attachment = Assert.Single(payload.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        var actions = card.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Approve", "Deny", "Open"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.OpenUrl", a.GetProperty("type").GetString()));
        foreach (var (action, intent) in actions.Zip(new[] { "approve", "deny", (string?)null }))
        {
            var url = new Uri(action.GetProperty("url").GetString()!);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
            Assert.Equal(ApprovalLinks.PagePath(request.ApprovalId), url.AbsolutePath);
            Assert.NotNull(await bed.Links.VerifyAsync(request.ApprovalId, query[ApprovalLinks.TokenParameter]));
            Assert.Equal(intent, query.TryGetValue("intent", out var i) ? i.ToString() : null);
        }

        var texts = Texts(card);
        Assert.Contains(texts, t => t.Contains("deployments", StringComparison.Ordinal) && t.Contains("scale web -n default", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("hoop-dev", StringComparison.Ordinal) && t.Contains("alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_HostileNamesAndAnnotations_AreInertInTheCard()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        await using var webhook = await WebhookReceiver.StartAsync();
        using var notifier = Notifier(bed, webhook.Url);

        await notifier.NotifyAsync(NotificationTestBed.CreateDeployment(NotificationTestBed.Asset("deployment-hostile.json")));

        using var payload = JsonDocument.Parse(Assert.Single(webhook.Posts));
        var card = payload.RootElement.GetProperty("attachments")[0].GetProperty("content");

        // Agent values are only ever in TextRuns (never markdown); the only URLs are the three buttons.
        foreach (var block in card.GetProperty("body").EnumerateArray())
        {
            Assert.True(block.GetProperty("type").GetString() is "RichTextBlock" or "TextBlock");
        }

        var texts = Texts(card);
        var all = string.Join("\n", texts);
        Assert.DoesNotContain("://", all, StringComparison.Ordinal);
        Assert.DoesNotContain("](", all, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", all, StringComparison.Ordinal);
        Assert.DoesNotContain("**", all, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"evil\.com", all);
        var readable = all.Replace(InertText.Breaker.ToString(), "", StringComparison.Ordinal);
        Assert.Contains("web[click](https://evil.example.com/phish)", readable, StringComparison.Ordinal);
        Assert.Contains("<a href=\\\"http://evil.com\\\">approve me</a>", readable, StringComparison.Ordinal);
        Assert.Contains("HOST PATH volume: ", all, StringComparison.Ordinal);
        var markdownBlocks = card.GetProperty("body").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "TextBlock").Select(b => b.GetProperty("text").GetString()!);
        Assert.All(markdownBlocks, t => Assert.DoesNotContain("evil", t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "0")]
    [InlineData(HttpStatusCode.ServiceUnavailable, null)]
    [InlineData(HttpStatusCode.InternalServerError, null)]
    public async Task Notify_TransientThenAccepted_RetriesUntilDelivered(HttpStatusCode status, string? retryAfter)
    {
        using var bed = await NotificationTestBed.CreateAsync();
        await using var webhook = await WebhookReceiver.StartAsync((status, retryAfter), (status, retryAfter));
        using var notifier = Notifier(bed, webhook.Url);

        await notifier.NotifyAsync(NotificationTestBed.Scale());

        Assert.Equal(3, webhook.Posts.Count);
    }

    [Fact]
    public async Task Notify_AlwaysUnavailable_FailsAfterThreeAttemptsNamingTheStatus()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        var down = (HttpStatusCode.ServiceUnavailable, (string?)null);
        await using var webhook = await WebhookReceiver.StartAsync(down, down, down, down);
        using var notifier = Notifier(bed, webhook.Url);

        var ex = await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(NotificationTestBed.Scale()));

        Assert.Equal(3, webhook.Posts.Count);
        Assert.Contains("HTTP 503", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookReceiver.Signature, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_BadRequest_IsNotRetried()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        await using var webhook = await WebhookReceiver.StartAsync((HttpStatusCode.BadRequest, null));
        using var notifier = Notifier(bed, webhook.Url);

        var ex = await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(NotificationTestBed.Scale()));

        Assert.Single(webhook.Posts);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_NothingListening_FailsWithoutTheSignature()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        using var notifier = Notifier(bed, ClosedWebhook());

        var ex = await Assert.ThrowsAsync<ApprovalNotificationException>(() => notifier.NotifyAsync(NotificationTestBed.Scale()));

        Assert.Contains("connection failed (ConnectionRefused)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookReceiver.Signature, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A webhook URL on a loopback port nothing listens on.</summary>
    internal static Uri ClosedWebhook()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/workflows/hook?sig={WebhookReceiver.Signature}");
    }

    private static TeamsApprovalNotifier Notifier(NotificationTestBed bed, Uri url)
        => new(new NotifierSettings { TeamsWebhookUrl = url, Retry = NotificationTestBed.FastRetry }, bed.Messages, TimeProvider.System);

    /// <summary>Every text the card shows (TextBlock and TextRun), in order.</summary>
    private static List<string> Texts(JsonElement card)
    {
        var texts = new List<string>();
        foreach (var block in card.GetProperty("body").EnumerateArray())
        {
            if (block.TryGetProperty("text", out var text))
            {
                texts.Add(text.GetString()!);
            }

            if (block.TryGetProperty("inlines", out var inlines))
            {
                texts.Add(string.Concat(inlines.EnumerateArray().Select(r => r.GetProperty("text").GetString())));
            }
        }

        return texts;
    }
}
