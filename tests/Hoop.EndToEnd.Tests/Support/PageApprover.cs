using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// A browser, at the HTTP level: one cookie jar, redirects followed by hand, signing in on the dev issuer's page exactly
/// as the buttons there post. For the page's bad-input tests, where Chromium adds nothing but time.
/// </summary>
internal sealed partial class PageApprover : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _origin;

    public PageApprover(DemoGatewayFixture fixture)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(fixture.StateDir, "gateway.crt")));
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(ca.RawData);
        _client = new HttpClient(handler) { BaseAddress = fixture.Gateway.Url, Timeout = TimeSpan.FromSeconds(60) };
        _origin = fixture.Gateway.Url.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The last page this approver saw.</summary>
    public PageResponse? Last { get; private set; }

    /// <summary>Opens <paramref name="link"/>, signing in as <paramref name="user"/> on the dev issuer's page when asked to.</summary>
    public async Task<PageResponse> OpenAsync(Uri link, string user)
    {
        var response = await GetAsync(link);
        for (var hops = 0; hops < 6 && response.Location is { } location; hops++)
        {
            var next = new Uri(_client.BaseAddress!, location);
            if (next.AbsolutePath.EndsWith("/dev/oidc/authorize", StringComparison.Ordinal))
            {
                // The dev issuer's page: its forms post the authorization request's fields back, plus the user.
                var authorize = await GetAsync(next);
                Assert.Equal(HttpStatusCode.OK, authorize.Status);
                var fields = QueryHelpers.ParseQuery(next.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
                fields["user"] = user;
                using var form = new FormUrlEncodedContent(fields);
                using var post = new HttpRequestMessage(HttpMethod.Post, next) { Content = form };
                post.Headers.Add("Origin", _origin);
                response = await SendAsync(post);
                continue;
            }

            response = await GetAsync(next);
        }

        return response;
    }

    /// <summary>Posts a decision to the page of <paramref name="approvalId"/> as its form would (or as a forger would, by changing the arguments).</summary>
    public async Task<PageResponse> PostAsync(string approvalId, IDictionary<string, string> fields, string? origin = "", string? fetchSite = null)
    {
        using var form = new FormUrlEncodedContent(fields);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/approvals/" + approvalId + "/page") { Content = form };
        if (origin is not null)
        {
            post.Headers.Add("Origin", origin.Length == 0 ? _origin : origin);
        }

        if (fetchSite is not null)
        {
            post.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await SendAsync(post);
    }

    /// <summary>The fields the page's form would post: the link token, the CSRF token of the last page, the decision.</summary>
    public Dictionary<string, string> Form(Uri link, string decision, string? comment = null)
    {
        var html = Last?.Html ?? throw new InvalidOperationException("open the page first");
        var csrf = CsrfField().Match(html);
        Assert.True(csrf.Success, "the page has no CSRF field:\n" + html);
        return new Dictionary<string, string>
        {
            ["link"] = QueryHelpers.ParseQuery(link.Query)["link"].ToString(),
            ["csrf"] = WebUtility.HtmlDecode(csrf.Groups[1].Value),
            ["decision"] = decision,
            ["comment"] = comment ?? "",
        };
    }

    public async Task<PageResponse> GetAsync(Uri url)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(get);
    }

    public void Dispose() => _client.Dispose();

    private async Task<PageResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await _client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        Last = new PageResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString(), headers);
        return Last;
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]*)\"")]
    private static partial Regex CsrfField();
}

/// <summary>One response the approver saw.</summary>
internal sealed record PageResponse(HttpStatusCode Status, string Html, string? Location, IReadOnlyDictionary<string, string> Headers);
