using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Signs approvers in on the approval page. Behind Easy Auth (Azure) its principal header is the sign-in. Otherwise an
/// OIDC authorization-code flow with PKCE, state and nonce against <see cref="ApprovalSignInSettings.Issuer"/>; the ID
/// token is validated by <see cref="OidcTokenValidator"/> exactly like a bearer token and must be a recent sign-in; the
/// result is a short-lived cookie sealed by <see cref="ApprovalPageProtector"/>.
/// </summary>
/// <remarks>
/// The return target of a sign-in is kept in the sealed flow cookie, built by the gateway from a verified link: it is
/// never read from the query. Cookies are <c>__Host-</c> (Secure, Path=/, no Domain), HttpOnly and SameSite=Lax (Lax so
/// a link opened from mail or Teams, a cross-site top-level navigation, still finds the sign-in).
/// </remarks>
internal sealed class ApprovalSignIn(
    ApprovalPageProtector protector,
    ApprovalSignInSettings settings,
    OidcIssuerRegistry issuers,
    OidcTokenValidator validator,
    IPersonAuthenticator people,
    IOptions<IdentityOptions> identity,
    GatewayAddress address,
    TimeProvider time)
{
    /// <summary>The redirect URI registered at the issuer (path under the gateway's public base URL).</summary>
    public const string CallbackPath = "/approvals/signin/callback";

    /// <summary>The signed-in approver's cookie.</summary>
    public const string SignInCookie = "__Host-hoop-approver";

    /// <summary>The cookie that carries one sign-in flow (state, nonce, PKCE verifier, return path) to the callback.</summary>
    public const string FlowCookie = "__Host-hoop-signin";

    /// <summary>The longest a page sign-in lasts (the sign-in must stay recent anyway).</summary>
    public static readonly TimeSpan MaxCookieLifetime = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a browser without a sign-in can be sent to an issuer.</summary>
    public bool CanChallenge => settings.IsConfigured && !identity.Value.EasyAuth.Enabled;

    /// <summary>The approver signed in on this browser, and what CSRF tokens bind to; null when nobody is.</summary>
    public async Task<PageSignIn?> CurrentAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (EasyAuthHeaders.ArePresent(request) || identity.Value.EasyAuth.Enabled)
        {
            // Easy Auth's principal header (a forged one, with Easy Auth off, is refused and journaled there).
            if (!EasyAuthHeaders.ArePresent(request))
            {
                return null;
            }

            var authentication = await people.AuthenticateAsync(request, context.RequestAborted);
            return authentication.Succeeded
                ? new PageSignIn(authentication.Person, "easyauth|" + authentication.Person.User + "|" + authentication.Person.AuthTime?.ToUnixTimeSeconds())
                : null;
        }

        var sealedValue = request.Cookies[SignInCookie];
        if (await protector.UnprotectAsync(SignInCookie, sealedValue, context.RequestAborted) is not { } bytes)
        {
            return null;
        }

        var ticket = JsonSerializer.Deserialize<Ticket>(bytes, Json);
        if (ticket is null || time.GetUtcNow() >= ticket.ExpiresAt)
        {
            return null;
        }

        var person = new SignedInPerson(ticket.User, ticket.Issuer, ticket.Subject, ticket.Groups, ticket.AuthTime, ticket.Method);
        return new PageSignIn(person, "cookie|" + ticket.Sid);
    }

    /// <summary>Starts a sign-in at the issuer, to come back to <paramref name="returnPath"/> (a path the gateway built).</summary>
    public async Task ChallengeAsync(HttpContext context, string returnPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issuer = issuers.Find(settings.Issuer ?? "") ?? throw new InvalidOperationException($"The approval sign-in issuer '{settings.Issuer}' is not a trusted issuer.");
        var configuration = await issuer.GetConfigurationAsync(context.RequestAborted);
        var endpoint = RequireHttps(configuration.AuthorizationEndpoint, "authorization_endpoint");
        var flow = new Flow(Random(), Random(), Random(), returnPath, time.GetUtcNow() + FlowLifetime);
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(flow.Verifier)));
        var sealedFlow = await protector.ProtectAsync(FlowCookie, JsonSerializer.SerializeToUtf8Bytes(flow, Json), context.RequestAborted);
        context.Response.Cookies.Append(FlowCookie, sealedFlow, CookieOptions(flow.ExpiresAt));
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = settings.ClientId,
            ["redirect_uri"] = RedirectUri(),
            ["scope"] = "openid",
            ["state"] = flow.State,
            ["nonce"] = flow.Nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",

            // An older sign-in at the issuer must be repeated: deciding needs a recent one (and auth_time is then required).
            ["max_age"] = identity.Value.MaxSignInAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        context.Response.Redirect(QueryHelpers.AddQueryString(endpoint, query));
    }

    /// <summary>Completes a sign-in at <see cref="CallbackPath"/>: the path to go back to, or why the sign-in failed.</summary>
    public async Task<(string? ReturnPath, string? Failure)> CompleteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var flowBytes = await protector.UnprotectAsync(FlowCookie, request.Cookies[FlowCookie], context.RequestAborted);
        context.Response.Cookies.Delete(FlowCookie, CookieOptions(DateTimeOffset.UnixEpoch));
        var flow = flowBytes is null ? null : JsonSerializer.Deserialize<Flow>(flowBytes, Json);
        if (flow is null || time.GetUtcNow() >= flow.ExpiresAt)
        {
            return (null, "this sign-in expired or was started in another browser: open the approval link again");
        }

        if (request.Query["error"] is { Count: > 0 } error)
        {
            return (null, "the identity provider did not sign you in (" + error + ")");
        }

        if (!FixedEquals(request.Query["state"].ToString(), flow.State) || request.Query["code"].ToString() is not { Length: > 0 } code)
        {
            return (null, "this sign-in response does not belong to this browser's sign-in: open the approval link again");
        }

        var idToken = await RedeemAsync(code, flow.Verifier, context.RequestAborted);
        if (idToken is null)
        {
            return (null, "the identity provider did not redeem the sign-in code");
        }

        var authentication = await validator.ValidateAsync(idToken, context.RequestAborted);
        if (!authentication.Succeeded)
        {
            return (null, authentication.Failure);
        }

        var person = authentication.Person;
        if (!string.Equals(person.Issuer, settings.Issuer, StringComparison.Ordinal)
            || !new JsonWebToken(idToken).TryGetPayloadValue<string>("nonce", out var nonce) || !FixedEquals(nonce, flow.Nonce))
        {
            return (null, "the ID token does not belong to this sign-in (issuer or nonce)");
        }

        if (RecentSignIn.Check(person, identity.Value, time) is { } stale)
        {
            return (null, "deciding an approval " + stale);
        }

        var expires = time.GetUtcNow() + MaxCookieLifetime;
        var recentUntil = person.AuthTime!.Value.AddSeconds(identity.Value.MaxSignInAgeSeconds);
        var ticket = new Ticket(Random(), person.User, person.Issuer, person.Subject, person.Groups, person.AuthTime, person.Method, recentUntil < expires ? recentUntil : expires);
        var sealedTicket = await protector.ProtectAsync(SignInCookie, JsonSerializer.SerializeToUtf8Bytes(ticket, Json), context.RequestAborted);
        context.Response.Cookies.Append(SignInCookie, sealedTicket, CookieOptions(ticket.ExpiresAt));
        return (flow.ReturnPath, null);
    }

    private async Task<string?> RedeemAsync(string code, string verifier, CancellationToken cancellationToken)
    {
        var issuer = issuers.Find(settings.Issuer ?? "") ?? throw new InvalidOperationException($"The approval sign-in issuer '{settings.Issuer}' is not a trusted issuer.");
        var configuration = await issuer.GetConfigurationAsync(cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri(),
            ["client_id"] = settings.ClientId!,
            ["code_verifier"] = verifier,
        };
        if (settings.ClientSecret is { Length: > 0 } secret)
        {
            form["client_secret"] = secret;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await issuer.Http.PostAsync(new Uri(RequireHttps(configuration.TokenEndpoint, "token_endpoint")), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return json.RootElement.TryGetProperty("id_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
    }

    private string RedirectUri()
        => new Uri(address.BaseUrl ?? throw new InvalidOperationException($"The gateway's public URL is not known ({SettingNames.PublicBaseUrl})."), CallbackPath).ToString();

    private static string RequireHttps(string? endpoint, string name)
        => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? endpoint!
            : throw new InvalidOperationException($"The sign-in issuer's {name} must be an https URL.");

    private static CookieOptions CookieOptions(DateTimeOffset expires)
        => new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = "/", Expires = expires, IsEssential = true };

    private static string Random() => Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static bool FixedEquals(string? a, string b)
        => a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>A signed-in approver on the page: the person, and the value CSRF tokens bind to (this sign-in only).</summary>
    internal sealed record PageSignIn(SignedInPerson Person, string Binding);

    private sealed record Flow(string State, string Nonce, string Verifier, string ReturnPath, DateTimeOffset ExpiresAt);

    private sealed record Ticket(
        string Sid, string User, string Issuer, string Subject, IReadOnlyList<string> Groups, DateTimeOffset? AuthTime, string Method, DateTimeOffset ExpiresAt);
}
