using Hoop.Cli;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Approvals;

namespace Hoop.EndToEnd.Tests.Approvals;

/// <summary>
/// The auditor's evidence report (<c>hoop audit evidence --format html</c>) as a browser shows it: a decided approval is
/// in its Approvals table and wait-time chart, and a value with markup (the approver's comment) renders as text.
/// </summary>
public sealed class EvidenceReportChromiumTests(ApprovalPageGateway fixture) : IClassFixture<ApprovalPageGateway>
{
    [Fact]
    public async Task EvidenceHtml_InChromium_ShowsTheApprovalAndMarkupStaysText()
    {
        const string Comment = "ok <img src=x id=evidence-injected onerror=\"document.title='pwned'\">";
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var cancel = new CancellationTokenSource();
        var held = fixture.HoldAsync(HttpMethod.Post, "api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"evidence-cm"}}""", cancel.Token);
        var request = await fixture.WaitForPendingAsync(r => r.Body.Contains("\"evidence-cm\"", StringComparison.Ordinal));
        var bob = new Approver(fixture.Gateway.Demo.Identity.Issuer + "#bob", ["sre-leads"]);
        Assert.True((await fixture.Desk.DecideAsync(request.ApprovalId, bob, approve: true, Comment)).Accepted);
        using (var response = await held)
        {
            Assert.True(response.IsSuccessStatusCode, $"the approved create answered {(int)response.StatusCode}");
        }

        await ApprovalProbe.FlushAsync(fixture);
        var report = Path.Combine(fixture.StateDir, "evidence.html");
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(
            ["audit", "evidence", "--from", from.ToString("O"), "--to", DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"), "--format", "html", "--out", report, "--state-dir", fixture.StateDir]));
        var page = await (await fixture.ChromiumAsync()).NewPageAsync();

        await page.GotoAsync(new Uri(report).AbsoluteUri);

        Assert.Equal("Evidence report", (await page.TextContentAsync("h1"))?.Trim());
        var row = page.Locator("tr", new() { HasText = request.ApprovalId });
        Assert.Equal(1, await row.CountAsync());
        var cells = await row.Locator("td").AllTextContentsAsync();
        Assert.Contains(bob.User, cells);
        Assert.Contains("approved", cells);
        Assert.Contains(Comment, cells);
        Assert.Null(await page.QuerySelectorAsync("#evidence-injected"));
        Assert.NotEqual("pwned", await page.TitleAsync());
        var chart = await page.QuerySelectorAsync("svg[aria-label='Approval wait times']");
        Assert.NotNull(chart);
        Assert.True((await chart.BoundingBoxAsync())?.Height > 0, "the wait-time chart has no height");
    }
}
