using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Masking;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The approval page, shared by both hosts: <c>GET /approvals/{id}/page?link=TOKEN[&amp;intent=approve|deny]</c> shows
/// the request to a signed-in approver (GET never decides: mail scanners follow links);
/// <c>POST /approvals/{id}/page</c> decides (same-origin, CSRF token bound to the sign-in, the link used once);
/// <c>GET /approvals/signin/callback</c> completes a browser sign-in.
/// </summary>
/// <remarks>
/// Every response carries <see cref="ApprovalPageHtml.ContentSecurityPolicy"/>, <c>X-Frame-Options: DENY</c>,
/// <c>Cache-Control: no-store</c> and <c>Referrer-Policy: no-referrer</c>. No redirect target is read from a request.
/// </remarks>
public static class ApprovalPage
{
    /// <summary>The longest comment an approver may leave.</summary>
    public const int MaxCommentChars = 1000;

    private static readonly TimeSpan OutcomeWait = TimeSpan.FromSeconds(10);

    /// <summary><c>GET /approvals/{id}/page</c>: the request and the approve / deny form, after sign-in.</summary>
    public static async Task ShowAsync(HttpContext context, string id, DurableTaskClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ApprovalPageHtml.ApplyHeaders(context.Response);
        if (Parts.From(context, client) is not { } parts)
        {
            await NotEnabledAsync(context);
            return;
        }

        var token = context.Request.Query[ApprovalLinks.TokenParameter].ToString();
        var intent = context.Request.Query["intent"].ToString() is "approve" or "deny" ? context.Request.Query["intent"].ToString() : null;
        if (await parts.Links.VerifyAsync(id, token, context.RequestAborted) is null)
        {
            await BadLinkAsync(context);
            return;
        }

        if (await parts.SignIn.CurrentAsync(context) is not { } signIn)
        {
            if (parts.SignIn.CanChallenge)
            {
                // The way back is built here from the verified link, never taken from the query as a redirect target.
                var back = ApprovalLinks.PagePath(id) + "?" + ApprovalLinks.TokenParameter + "=" + Uri.EscapeDataString(token) + (intent is null ? "" : "&intent=" + intent);
                await parts.SignIn.ChallengeAsync(context, back);
                return;
            }

            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required",
                "This gateway has no browser sign-in for approvers (Easy Auth, or Hoop:Approvals:SignIn); use 'hoop approvals' or the JSON API.");
            return;
        }

        var request = await parts.Desk.GetPendingAsync(id, context.RequestAborted);
        if (request is null)
        {
            await NotPendingAsync(context, parts.Desk, id);
            return;
        }

        var view = ApprovalView.Create(request, parts.Masker);
        var csrf = await parts.Protector.MacAsync(CsrfData(signIn, id), context.RequestAborted);
        var approver = new Approver(signIn.Person.User, signIn.Person.Groups);
        var body = ApprovalPageHtml.Request(view, signIn.Person.User, token, intent, csrf, ApprovalDesk.Check(request, approver)?.Message);
        await ApprovalPageHtml.WriteAsync(context, StatusCodes.Status200OK, "Approval requested", body);
    }

    /// <summary><c>POST /approvals/{id}/page</c>: approve or deny as the signed-in approver.</summary>
    public static async Task DecideAsync(HttpContext context, string id, DurableTaskClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ApprovalPageHtml.ApplyHeaders(context.Response);
        if (Parts.From(context, client) is not { } parts)
        {
            await NotEnabledAsync(context);
            return;
        }

        if (CrossSite(context, parts.Address) is { } crossSite)
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status403Forbidden, "Refused", crossSite);
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status415UnsupportedMediaType, "Refused", "decisions are posted by the approval page's form");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (await parts.Links.VerifyAsync(id, form["link"].ToString(), context.RequestAborted) is not { } link)
        {
            await BadLinkAsync(context);
            return;
        }

        if (await parts.SignIn.CurrentAsync(context) is not { } signIn)
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required", "Your sign-in ended: open the approval link again.");
            return;
        }

        if (!await parts.Protector.VerifyMacAsync(CsrfData(signIn, id), form["csrf"].ToString(), context.RequestAborted))
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status403Forbidden, "Refused", "The form's anti-forgery token is missing or does not match your sign-in: open the approval link again.");
            return;
        }

        if (RecentSignIn.Check(signIn.Person, parts.Identity, parts.Time) is { } stale)
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required", "Deciding an approval " + stale + ".");
            return;
        }

        var decision = form["decision"].ToString();
        var comment = form["comment"].ToString().Trim();
        if (decision is not ("approve" or "deny") || comment.Length > MaxCommentChars)
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status400BadRequest, "Refused", $"Choose Approve or Deny; a comment has at most {MaxCommentChars} characters.");
            return;
        }

        var request = await parts.Desk.GetPendingAsync(id, context.RequestAborted);
        if (request is null)
        {
            // The link is spent either way (its approval is over); a link that decided before is told so.
            var reused = !await parts.Ledger.TryUseLinkAsync(link.LinkId, context.RequestAborted);
            await NotPendingAsync(context, parts.Desk, id, reused ? "This approval link was already used for a decision; a link decides once." : null);
            return;
        }

        // Checked before the link is used, so a person who may not decide cannot burn an approver's link.
        var approver = new Approver(signIn.Person.User, signIn.Person.Groups);
        if (ApprovalDesk.Check(request, approver) is { } refused)
        {
            await ApprovalPageHtml.MessageAsync(context, refused.StatusCode, "Refused", refused.Message);
            return;
        }

        if (!await parts.Ledger.TryUseLinkAsync(link.LinkId, context.RequestAborted))
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status409Conflict, "Link already used", "This approval link was already used for a decision; a link decides once.");
            return;
        }

        var result = await parts.Desk.DecideAsync(id, approver, decision == "approve", comment.Length == 0 ? null : comment, context.RequestAborted);
        if (!result.Accepted)
        {
            await ApprovalPageHtml.MessageAsync(context, result.StatusCode, result.StatusCode == StatusCodes.Status409Conflict ? "Already decided" : "Refused", result.Message);
            return;
        }

        var outcome = await parts.Desk.WaitForOutcomeAsync(id, OutcomeWait, context.RequestAborted);
        if (outcome is null)
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status202Accepted, "Decision sent", result.Message);
            return;
        }

        var title = outcome.Outcome switch
        {
            ApprovalOutcome.Approved => "Approved",
            ApprovalOutcome.Denied => "Denied",
            _ => "Expired before your decision",
        };
        await ApprovalPageHtml.WriteAsync(context, StatusCodes.Status200OK, title, ApprovalPageHtml.Outcome(outcome));
    }

    /// <summary><c>GET /approvals/signin/callback</c>: completes the browser sign-in and returns to the page it started from.</summary>
    public static async Task SignInCallbackAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ApprovalPageHtml.ApplyHeaders(context.Response);
        if (context.RequestServices.GetService<ApprovalSignIn>() is not { } signIn)
        {
            await NotEnabledAsync(context);
            return;
        }

        var (returnPath, failure) = await signIn.CompleteAsync(context);
        if (failure is not null || returnPath is null || !IsPagePath(returnPath))
        {
            await ApprovalPageHtml.MessageAsync(context, StatusCodes.Status401Unauthorized, "Sign-in failed", failure ?? "no way back to an approval page");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = returnPath;
    }

    /// <summary>
    /// A same-origin POST only. <c>Origin</c> must be the gateway's own; under <c>Referrer-Policy: no-referrer</c> browsers
    /// send <c>Origin: null</c> on the page's own form POST, which is accepted only with <c>Sec-Fetch-Site: same-origin</c>
    /// (a header no page can set). No <c>Origin</c> at all, another origin, or another fetch site is refused.
    /// </summary>
    private static string? CrossSite(HttpContext context, GatewayAddress address)
    {
        const string Refused = "A decision must come from the approval page itself (cross-site or origin-less POST refused); nothing was decided.";
        var request = context.Request;
        var expected = address.BaseUrl is { } url ? url.GetLeftPart(UriPartial.Authority) : request.Scheme + "://" + request.Host.Value;
        var origin = request.Headers.Origin.ToString();
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin")
        {
            return Refused;
        }

        return string.Equals(origin, expected, StringComparison.OrdinalIgnoreCase) || (origin == "null" && site == "same-origin") ? null : Refused;
    }

    private static bool IsPagePath(string path)
        => path.StartsWith("/approvals/", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);

    private static string CsrfData(ApprovalSignIn.PageSignIn signIn, string approvalId) => "csrf|" + signIn.Binding + "|" + approvalId;

    private static Task NotEnabledAsync(HttpContext context)
        => ApprovalPageHtml.MessageAsync(context, StatusCodes.Status404NotFound, "Not available", "Approvals are not enabled on this gateway.");

    private static Task BadLinkAsync(HttpContext context)
        => ApprovalPageHtml.MessageAsync(context, StatusCodes.Status403Forbidden, "Link not valid",
            "This approval link is not valid or has expired. Links are signed and expire with their approval.");

    private static async Task NotPendingAsync(HttpContext context, ApprovalDesk desk, string id, string? reason = null)
    {
        var outcome = await desk.GetOutcomeAsync(id, context.RequestAborted);
        var body = "<p id=\"message\">" + (reason is null ? "" : System.Text.Encodings.Web.HtmlEncoder.Default.Encode(reason) + " ")
            + "This approval is no longer waiting for a decision.</p>" + (outcome is null ? "" : ApprovalPageHtml.Outcome(outcome));
        await ApprovalPageHtml.WriteAsync(context, StatusCodes.Status409Conflict, "No longer pending", body);
    }

    /// <summary>What the page needs from the host's services; null when approvals are not enabled there.</summary>
    private sealed record Parts(
        ApprovalDesk Desk, ApprovalLinks Links, IApprovalLedger Ledger, ApprovalSignIn SignIn, ApprovalPageProtector Protector,
        IResponseMasker Masker, GatewayAddress Address, IdentityOptions Identity, TimeProvider Time)
    {
        public static Parts? From(HttpContext context, DurableTaskClient? client)
        {
            var services = context.RequestServices;
            var time = services.GetRequiredService<TimeProvider>();
            var ledger = services.GetService<IApprovalLedger>();
            var desk = client is null ? services.GetService<ApprovalDesk>() : new ApprovalDesk(client, time, ledger);
            var links = services.GetService<ApprovalLinks>();
            var signIn = services.GetService<ApprovalSignIn>();
            var protector = services.GetService<ApprovalPageProtector>();
            return desk is null || links is null || ledger is null || signIn is null || protector is null
                ? null
                : new Parts(desk, links, ledger, signIn, protector, services.GetRequiredService<IResponseMasker>(), services.GetRequiredService<GatewayAddress>(),
                    services.GetRequiredService<IOptions<IdentityOptions>>().Value, time);
        }
    }
}
