using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Identity;

/// <summary>
/// The request headers App Service Authentication (Easy Auth) sets for a signed-in caller. Trusted only when the
/// configuration says Easy Auth is on and never on <c>/k8s/*</c>; anywhere else they are a forgery and are refused.
/// </summary>
public static class EasyAuthHeaders
{
    /// <summary>Base64 JSON of the caller's claims.</summary>
    public const string Principal = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The common prefix of every Easy Auth principal header (<c>-ID</c>, <c>-NAME</c>, <c>-IDP</c>).</summary>
    public const string Prefix = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Whether <paramref name="request"/> carries any Easy Auth principal header.</summary>
    public static bool ArePresent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
