using System.Net;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Approvals;
using Microsoft.AspNetCore.WebUtilities;

namespace Hoop.EndToEnd.Tests.Approvals;

/// <summary>
/// The approval page's bad input, at the HTTP level against <c>hoop serve --demo</c>: links tampered with, expired or
/// reused; people who may not decide; an expired approval; two approvers at once; cross-site posts; the headers.
/// </summary>
public sealed class ApprovalPageTests(ApprovalPageGateway fixture) : IClassFixture<ApprovalPageGateway>
{
    private string Bob => fixture.Gateway.Demo.Identity.Issuer + "#bob";

    [Fact]
    public async Task ApprovalPage_TamperedLink_Refused()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        var other = await AskAsync();
        using var approver = new PageApprover(fixture);

        var token = QueryHelpers.ParseQuery(link.Query)["link"].ToString();
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var tampered = await approver.GetAsync(new Uri(fixture.Gateway.Url, ApprovalLinks.PagePath(request.ApprovalId) + "?link=" + flipped));
        var elsewhere = await approver.GetAsync(new Uri(fixture.Gateway.Url, ApprovalLinks.PagePath(other.Request.ApprovalId) + link.Query));

        Assert.Equal(HttpStatusCode.Forbidden, tampered.Status);
        Assert.Contains("not valid or has expired", tampered.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Status);
        await CleanUpAsync(request, held);
        await CleanUpAsync(other.Request, other.Held);
    }

    [Fact]
    public async Task ApprovalPage_ExpiredLink_Refused()
    {
        var (request, held) = await AskAsync();
        var expired = await fixture.LinkAsync(request with { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1) });
        using var approver = new PageApprover(fixture);

        var page = await approver.GetAsync(expired);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("not valid or has expired", page.Html, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Desk.GetPendingAsync(request.ApprovalId));
        await CleanUpAsync(request, held);
    }

    [Fact]
    public async Task ApprovalPage_ReusedLink_SecondDecisionIsToldTheLinkWasUsed()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var approver = new PageApprover(fixture);
        await approver.OpenAsync(link, "bob");
        var form = approver.Form(link, "approve", "first");

        var first = await approver.PostAsync(request.ApprovalId, form);
        var second = await approver.PostAsync(request.ApprovalId, form);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("already used", second.Html, StringComparison.Ordinal);
        using var response = await held;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ApprovalPage_CarolNotInApproverGroup_RefusedAndTheLinkStaysUsable()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var carol = new PageApprover(fixture);
        var page = await carol.OpenAsync(link, "carol");

        var refused = await carol.PostAsync(request.ApprovalId, carol.Form(link, "approve"));

        Assert.Contains("You cannot decide this approval", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("is not an approver of rule", refused.Html, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Desk.GetPendingAsync(request.ApprovalId));
        using var bob = new PageApprover(fixture);
        await bob.OpenAsync(link, "bob");
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsync(request.ApprovalId, bob.Form(link, "deny"))).Status);
        await CleanUpAsync(request, held);
    }

    [Fact]
    public async Task ApprovalPage_AliceDecidesHerOwnRequest_Refused()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var alice = new PageApprover(fixture);
        await alice.OpenAsync(link, "alice");

        var refused = await alice.PostAsync(request.ApprovalId, alice.Form(link, "approve"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("asked for approval", refused.Html, StringComparison.Ordinal);
        Assert.Contains("cannot approve or deny it", refused.Html, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Desk.GetPendingAsync(request.ApprovalId));
        await CleanUpAsync(request, held);
    }

    [Fact]
    public async Task ApprovalPage_DecisionAfterTheApprovalExpired_RefusedAndOutcomeStaysExpired()
    {
        // Services wait 3 seconds only (assets/policy/approvals.yaml).
        var name = "svc-" + Guid.NewGuid().ToString("N")[..8];
        using var cancel = new CancellationTokenSource();
        var held = fixture.HoldAsync(HttpMethod.Post, "api/v1/namespaces/default/services", $$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"{{{name}}}"}}""", cancel.Token);
        var request = await fixture.WaitForPendingAsync(r => r.Body.Contains(name, StringComparison.Ordinal));
        var link = await fixture.LinkAsync(request);
        var outliving = await fixture.LinkAsync(request with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        using var bob = new PageApprover(fixture);
        await bob.OpenAsync(outliving, "bob");
        var form = bob.Form(outliving, "approve");
        using var response = await held;
        Assert.Contains("expired without a decision", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var late = await bob.PostAsync(request.ApprovalId, form);
        var withTheRealLink = await bob.PostAsync(request.ApprovalId, form.ToDictionary(f => f.Key, f => f.Key == "link" ? QueryHelpers.ParseQuery(link.Query)["link"].ToString() : f.Value));

        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("no longer waiting for a decision", late.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withTheRealLink.Status);
        var outcome = await fixture.Desk.GetOutcomeAsync(request.ApprovalId);
        Assert.Equal(ApprovalOutcome.Expired, outcome?.Outcome);
        Assert.Null(outcome?.Approver);
    }

    [Fact]
    public async Task ApprovalPage_TwoApproversAtOnce_OneDecisionWinsTheOtherIsTold()
    {
        var (request, held) = await AskAsync();
        var first = await fixture.LinkAsync(request);
        var second = await fixture.LinkAsync(request);
        using var one = new PageApprover(fixture);
        using var two = new PageApprover(fixture);
        await one.OpenAsync(first, "bob");
        await two.OpenAsync(second, "bob");

        var results = await Task.WhenAll(
            one.PostAsync(request.ApprovalId, one.Form(first, "approve", "one")),
            two.PostAsync(request.ApprovalId, two.Form(second, "deny", "two")));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        Assert.True(
            loser.Html.Contains("your decision was not recorded", StringComparison.Ordinal) || loser.Html.Contains("no longer waiting", StringComparison.Ordinal),
            loser.Html);
        var winner = results.Single(r => r.Status == HttpStatusCode.OK);
        var outcome = await fixture.Desk.WaitForOutcomeAsync(request.ApprovalId, TimeSpan.FromSeconds(10));
        Assert.Equal(winner.Html.Contains("<h1>Approved</h1>", StringComparison.Ordinal) ? ApprovalOutcome.Approved : ApprovalOutcome.Denied, outcome?.Outcome);
        using var response = await held;
    }

    [Theory]
    [InlineData("no Origin")]
    [InlineData("another Origin")]
    [InlineData("cross-site fetch")]
    [InlineData("no CSRF token")]
    [InlineData("CSRF token of another sign-in")]
    public async Task ApprovalPage_CrossSitePost_RefusedAndNothingDecided(string attack)
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var bob = new PageApprover(fixture);
        await bob.OpenAsync(link, "bob");
        var form = bob.Form(link, "approve");
        using var other = new PageApprover(fixture);
        await other.OpenAsync(link, "bob");

        var refused = attack switch
        {
            "no Origin" => await bob.PostAsync(request.ApprovalId, form, origin: null),
            "another Origin" => await bob.PostAsync(request.ApprovalId, form, origin: "https://evil.example"),
            "cross-site fetch" => await bob.PostAsync(request.ApprovalId, form, fetchSite: "cross-site"),
            "no CSRF token" => await bob.PostAsync(request.ApprovalId, form.Where(f => f.Key != "csrf").ToDictionary()),
            _ => await bob.PostAsync(request.ApprovalId, other.Form(link, "approve")),
        };

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("nothing was decided", refused.Html.Replace("anti-forgery token", "nothing was decided", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotNull(await fixture.Desk.GetPendingAsync(request.ApprovalId));
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsync(request.ApprovalId, form)).Status);
        using var response = await held;
    }

    [Fact]
    public async Task ApprovalPage_EveryResponse_CarriesTheSecurityHeaders()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var approver = new PageApprover(fixture);

        var responses = new List<PageResponse>
        {
            await approver.GetAsync(new Uri(fixture.Gateway.Url, ApprovalLinks.PagePath(request.ApprovalId) + "?link=nope")),
            await approver.GetAsync(link),
            await approver.OpenAsync(link, "bob"),
            await approver.PostAsync(request.ApprovalId, approver.Form(link, "approve"), origin: "https://evil.example"),
        };

        Assert.Equal(HttpStatusCode.Found, responses[1].Status);
        Assert.Equal(HttpStatusCode.OK, responses[2].Status);
        Assert.All(responses, r =>
        {
            Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", r.Headers["Content-Security-Policy"]);
            Assert.Equal("DENY", r.Headers["X-Frame-Options"]);
            Assert.Equal("no-store", r.Headers["Cache-Control"]);
            Assert.Equal("no-referrer", r.Headers["Referrer-Policy"]);
        });
        await CleanUpAsync(request, held);
    }

    [Fact]
    public async Task ApprovalPage_ReturnTargetInTheQuery_IsIgnored()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var approver = new PageApprover(fixture);
        var withTarget = new Uri(link + "&returnUrl=https%3A%2F%2Fevil.example%2F&redirect_uri=https%3A%2F%2Fevil.example%2F");

        var challenge = await approver.GetAsync(withTarget);
        var page = await approver.OpenAsync(withTarget, "bob");

        Assert.Equal(HttpStatusCode.Found, challenge.Status);
        var authorize = new Uri(challenge.Location!);
        Assert.Equal(fixture.Gateway.Demo.Identity.Issuer + "/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal(new Uri(fixture.Gateway.Url, ApprovalSignIn.CallbackPath).ToString(), QueryHelpers.ParseQuery(authorize.Query)["redirect_uri"].ToString());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>Approval requested</h1>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page.Html, StringComparison.Ordinal);
        await CleanUpAsync(request, held);
    }

    [Fact]
    public async Task SignInCallback_ResponseMeantForAnotherBrowser_Refused()
    {
        var (request, held) = await AskAsync();
        var link = await fixture.LinkAsync(request);
        using var victim = new PageApprover(fixture);
        using var attacker = new PageApprover(fixture);
        var challenge = await victim.GetAsync(link);
        var state = QueryHelpers.ParseQuery(new Uri(challenge.Location!).Query)["state"].ToString();

        var callback = await attacker.GetAsync(new Uri(fixture.Gateway.Url, ApprovalSignIn.CallbackPath + "?code=made-up&state=" + Uri.EscapeDataString(state)));

        Assert.Equal(HttpStatusCode.Unauthorized, callback.Status);
        Assert.Contains("Sign-in failed", callback.Html, StringComparison.Ordinal);
        Assert.False(callback.Headers.TryGetValue("Set-Cookie", out var cookie) && cookie.Contains(ApprovalSignIn.SignInCookie + "=", StringComparison.Ordinal));
        await CleanUpAsync(request, held);
    }

    [Fact]
    public async Task DevAuthorize_UnregisteredRedirectUri_ErrorPageAndNoRedirect()
    {
        using var approver = new PageApprover(fixture);
        var query = "?response_type=code&client_id=hoop&redirect_uri=" + Uri.EscapeDataString("https://evil.example/cb")
            + "&state=s&nonce=n&code_challenge=c&code_challenge_method=S256";

        var page = await approver.GetAsync(new Uri(fixture.Gateway.Demo.Identity.Issuer + "/authorize" + query));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
        Assert.Contains("unknown client or redirect URI", page.Html, StringComparison.Ordinal);
    }

    /// <summary>alice's agent asks to create a configmap (held in the background) and the approval becomes pending.</summary>
    private async Task<(ApprovalRequest Request, Task<HttpResponseMessage> Held)> AskAsync()
    {
        var name = "cm-" + Guid.NewGuid().ToString("N")[..12];
        var held = fixture.HoldAsync(HttpMethod.Post, "api/v1/namespaces/default/configmaps", $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"}}""", CancellationToken.None);
        return (await fixture.WaitForPendingAsync(r => r.Body.Contains(name, StringComparison.Ordinal)), held);
    }

    /// <summary>Ends an approval a test left pending (bob denies it) and lets the held call finish.</summary>
    private async Task CleanUpAsync(ApprovalRequest request, Task<HttpResponseMessage> held)
    {
        await fixture.Desk.DecideAsync(request.ApprovalId, new Approver(Bob, ["sre-leads"]), approve: false, "test over");
        using var response = await held;
    }
}
