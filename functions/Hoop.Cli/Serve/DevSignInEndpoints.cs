using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Hoop.Gateway.Approvals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Hoop.Cli.Serve;

/// <summary>
/// The dev issuer's browser sign-in, demo only: <c>GET /dev/oidc/authorize</c> (a page with "Sign in as alice / bob /
/// carol" buttons that POST back), then a one-time code for the registered redirect URI, redeemed at
/// <c>POST /dev/oidc/token</c> with the PKCE verifier for an ID token carrying the nonce and <c>auth_time</c>.
/// </summary>
/// <remarks>
/// One client (<see cref="DevIdentityProvider.Audience"/>) with one registered redirect URI, the gateway's approval sign-in
/// callback, compared exactly; S256 PKCE required; codes live 60 seconds and redeem once. A bad client or redirect URI
/// gets an error page, never a redirect.
/// </remarks>
internal sealed class DevSignInEndpoints(DevIdentityProvider provider, TimeProvider time)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);

    /// <summary>Maps the authorization and token endpoints under <see cref="DevIdentityProvider.PathBase"/>.</summary>
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(DevIdentityProvider.PathBase + "/authorize", AuthorizePageAsync);
        app.MapPost(DevIdentityProvider.PathBase + "/authorize", SignInAsync).DisableAntiforgery();
        app.MapPost(DevIdentityProvider.PathBase + "/token", TokenAsync).DisableAntiforgery();
    }

    private string RedirectUri => provider.Issuer[..^DevIdentityProvider.PathBase.Length] + ApprovalSignIn.CallbackPath;

    private async Task AuthorizePageAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (Invalid(query.ToDictionary(q => q.Key, q => q.Value)) is { } invalid)
        {
            await PageAsync(context, StatusCodes.Status400BadRequest, "<p id=\"error\">" + HtmlEncoder.Default.Encode(invalid) + "</p>");
            return;
        }

        var html = new StringBuilder("<p>Demo identity provider. Sign in as:</p>");
        foreach (var (user, groups) in DevIdentityProvider.Users)
        {
            html.Append("<form method=\"post\" action=\"").Append(DevIdentityProvider.PathBase).Append("/authorize\">");
            foreach (var name in (string[])["client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method", "response_type"])
            {
                html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(HtmlEncoder.Default.Encode(query[name].ToString())).Append("\">");
            }

            html.Append("<button type=\"submit\" name=\"user\" value=\"").Append(user).Append("\" id=\"signin-").Append(user).Append("\">Sign in as ")
                .Append(user).Append("</button> (").Append(HtmlEncoder.Default.Encode(string.Join(", ", groups))).Append(")</form>");
        }

        await PageAsync(context, StatusCodes.Status200OK, html.ToString());
    }

    private async Task SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value);
        var user = form["user"].ToString();
        if ((Invalid(fields) ?? (DevIdentityProvider.Users.ContainsKey(user) ? null : "unknown demo user")) is { } invalid)
        {
            await PageAsync(context, StatusCodes.Status400BadRequest, "<p id=\"error\">" + HtmlEncoder.Default.Encode(invalid) + "</p>");
            return;
        }

        var code = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(user, form["nonce"].ToString(), form["code_challenge"].ToString(), time.GetUtcNow() + CodeLifetime);
        context.Response.Redirect(QueryHelpers.AddQueryString(RedirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = form["state"].ToString() }));
    }

    private async Task TokenAsync(HttpContext context) => await (await RedeemAsync(context)).ExecuteAsync(context);

    private async Task<IResult> RedeemAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            return Error("invalid_request");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "authorization_code" || form["client_id"] != DevIdentityProvider.Audience || form["redirect_uri"] != RedirectUri)
        {
            return Error("invalid_request");
        }

        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || time.GetUtcNow() >= grant.ExpiresAt)
        {
            return Error("invalid_grant");
        }

        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(grant.Challenge)))
        {
            return Error("invalid_grant");
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["id_token"] = provider.IssueToken(grant.User, time, grant.Nonce),
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
        });
    }

    private string? Invalid(Dictionary<string, StringValues> fields)
    {
        string Field(string name) => fields.TryGetValue(name, out var value) ? value.ToString() : "";
        if (Field("client_id") != DevIdentityProvider.Audience || Field("redirect_uri") != RedirectUri)
        {
            return "unknown client or redirect URI (the only registered one is " + RedirectUri + ")";
        }

        return Field("response_type") != "code" || Field("code_challenge_method") != "S256" || Field("code_challenge").Length == 0
            || Field("state").Length == 0 || Field("nonce").Length == 0
            ? "the request needs response_type=code, S256 PKCE, state and nonce"
            : null;
    }

    private static IResult Error(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private static async Task PageAsync(HttpContext context, int statusCode, string body)
    {
        ApprovalPageHtml.ApplyHeaders(context.Response);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>hoop demo sign-in</title></head><body><h1>hoop demo sign-in</h1>" + body + "</body></html>",
            context.RequestAborted);
    }

    private sealed record Grant(string User, string Nonce, string Challenge, DateTimeOffset ExpiresAt);
}
