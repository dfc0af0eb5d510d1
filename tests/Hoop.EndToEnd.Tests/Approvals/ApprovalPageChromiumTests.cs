using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Approvals;
using Microsoft.Playwright;

namespace Hoop.EndToEnd.Tests.Approvals;

/// <summary>
/// The approval page in headless Chromium against <c>hoop serve --demo</c> with the real kubectl: alice's agent asks, bob
/// opens the link from the approval e-mail in his inbox, signs in on the dev issuer's page and decides; the held command completes or is refused.
/// </summary>
public sealed class ApprovalPageChromiumTests(ApprovalPageGateway fixture) : IClassFixture<ApprovalPageGateway>
{
    [Fact]
    public async Task ApprovalPage_BobApprovesInChromium_HeldKubectlScaleCompletesWithThreeReplicas()
    {
        var scale = fixture.Kubectl.RunAsync(TimeSpan.FromSeconds(90), "scale", "deploy", "web", "-n", "default", "--replicas=3");
        var request = await fixture.WaitForPendingAsync(r => r.Subresource == "scale" && r.Body.Contains("\"replicas\":3", StringComparison.Ordinal));
        var page = await (await fixture.ChromiumAsync()).NewPageAsync();

        await page.GotoAsync((await fixture.EmailedLinkAsync(request, "approve")).ToString());
        await page.ClickAsync("#signin-bob");
        await page.WaitForSelectorAsync("#request");
        await page.FillAsync("#comment", "fine for the sale");
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#outcome");

        Assert.Equal("Approved", await page.TextContentAsync("h1"));
        Assert.Contains("#bob", await page.TextContentAsync("#outcome"), StringComparison.Ordinal);
        var result = await scale;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("scaled", result.Stdout, StringComparison.Ordinal);
        var replicas = await fixture.DirectKubectl.RunAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.replicas}");
        Assert.Equal("3", replicas.Stdout.Trim());
    }

    [Fact]
    public async Task ApprovalPage_BobDeniesInChromium_KubectlPrintsForbiddenNamingBob()
    {
        var scale = fixture.Kubectl.RunAsync(TimeSpan.FromSeconds(90), "scale", "deploy", "web", "-n", "default", "--replicas=7");
        var request = await fixture.WaitForPendingAsync(r => r.Subresource == "scale" && r.Body.Contains("\"replicas\":7", StringComparison.Ordinal));
        var page = await (await fixture.ChromiumAsync()).NewPageAsync();

        await page.GotoAsync((await fixture.EmailedLinkAsync(request, "deny")).ToString());
        await page.ClickAsync("#signin-bob");
        await page.WaitForSelectorAsync("#request");
        await page.FillAsync("#comment", "not during the freeze");
        await page.ClickAsync("#deny");
        await page.WaitForSelectorAsync("#outcome");

        Assert.Equal("Denied", await page.TextContentAsync("h1"));
        var result = await scale;
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (Forbidden)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"was denied by {fixture.Gateway.Demo.Identity.Issuer}#bob: not during the freeze", result.Stderr, StringComparison.Ordinal);
        var replicas = await fixture.DirectKubectl.RunAsync("get", "deploy", "web", "-n", "default", "-o", "jsonpath={.spec.replicas}");
        Assert.NotEqual("7", replicas.Stdout.Trim());
    }

    [Fact]
    public async Task ApprovalPage_MarkupInAgentSuppliedNameAndAnnotation_RendersInert()
    {
        const string Body = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm<img src=x id=injected-name>","namespace":"default",
             "annotations":{"note":"<script>document.title='pwned'</script><a id=\"injected-link\" href=\"https://evil.example/\">click</a>"}}}
            """;
        using var cancel = new CancellationTokenSource();
        var held = fixture.HoldAsync(HttpMethod.Post, "api/v1/namespaces/default/configmaps", Body, cancel.Token);
        var request = await fixture.WaitForPendingAsync(r => r.Body.Contains("injected-name", StringComparison.Ordinal));
        var page = await (await fixture.ChromiumAsync()).NewPageAsync();

        await page.GotoAsync((await fixture.LinkAsync(request)).ToString());
        await page.ClickAsync("#signin-bob");
        await page.WaitForSelectorAsync("#request");

        Assert.Null(await page.QuerySelectorAsync("#injected-name"));
        Assert.Null(await page.QuerySelectorAsync("#injected-link"));
        Assert.Null(await page.QuerySelectorAsync("script"));
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Contains("<img src=x id=injected-name>", await page.TextContentAsync("#body"), StringComparison.Ordinal);
        Assert.Contains("<a id=\\\"injected-link\\\"", await page.TextContentAsync("#body"), StringComparison.Ordinal);

        await fixture.Desk.DecideAsync(request.ApprovalId, new Approver(fixture.Gateway.Demo.Identity.Issuer + "#bob", ["sre-leads"]), approve: false, "test over");
        using var response = await held;
    }

    [Fact]
    public async Task ApprovalPage_InAFrameOfAnotherOrigin_ChromiumRefusesToFrameIt()
    {
        using var cancel = new CancellationTokenSource();
        var held = fixture.HoldAsync(HttpMethod.Post, "api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"framed"}}""", cancel.Token);
        var request = await fixture.WaitForPendingAsync(r => r.Body.Contains("\"framed\"", StringComparison.Ordinal));
        var link = await fixture.LinkAsync(request);
        var page = await (await fixture.ChromiumAsync()).NewPageAsync();

        // Signed in first, so an unframed page would show the request and the buttons.
        await page.GotoAsync(link.ToString());
        await page.ClickAsync("#signin-bob");
        await page.WaitForSelectorAsync("#approve");
        await using var attacker = await OtherOriginSite.StartAsync(
            $"<!DOCTYPE html><html><body><iframe id=\"framed\" src=\"{link}\"></iframe><iframe id=\"control\" src=\"{new Uri(fixture.Gateway.Url, "/healthz")}\"></iframe></body></html>");

        await page.GotoAsync(attacker.Url.ToString());
        await page.WaitForLoadStateAsync(LoadState.Load);

        // The control frame (the gateway's /healthz, no frame-ancestors) loads: framing the gateway as such works here.
        var control = page.Frames.Single(f => f.Url.EndsWith("/healthz", StringComparison.Ordinal));
        Assert.Equal("ok", (await control.InnerTextAsync("body")).Trim());
        var framed = page.Frames.Single(f => f != page.MainFrame && f != control);
        Assert.StartsWith("chrome-error://", framed.Url, StringComparison.Ordinal);
        Assert.Contains("ERR_BLOCKED_BY_RESPONSE", await framed.ContentAsync(), StringComparison.Ordinal);
        Assert.Null(await framed.QuerySelectorAsync("#approve"));

        await fixture.Desk.DecideAsync(request.ApprovalId, new Approver(fixture.Gateway.Demo.Identity.Issuer + "#bob", ["sre-leads"]), approve: false, "test over");
        using var response = await held;
    }
}
