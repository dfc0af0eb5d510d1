using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hoop.Gateway.Identity;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON:
/// <c>{"auth_typ", "claims": [{"typ", "val"}], ...}</c>) into a <see cref="SignedInPerson"/>, with the same rules as an
/// OIDC token: a trusted issuer, an immutable subject, groups from the configured claim, no overage, no <c>system:*</c>.
/// </summary>
internal static class EasyAuthPrincipal
{
    /// <summary>Long claim names Easy Auth may use for the short ones the configuration names.</summary>
    private static readonly Dictionary<string, string> LongNames = new(StringComparer.Ordinal)
    {
        ["oid"] = "http://schemas.microsoft.com/identity/claims/objectidentifier",
        ["sub"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
        ["groups"] = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups",
    };

    public static PersonAuthentication Read(string header, OidcIssuerRegistry issuers)
    {
        List<(string Type, string Value)> claims;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header));
            claims = [.. document.RootElement.GetProperty("claims").EnumerateArray()
                .Select(c => (c.GetProperty("typ").GetString() ?? "", c.GetProperty("val").GetString() ?? ""))];
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return PersonAuthentication.Unauthorized("the Easy Auth principal header is malformed");
        }

        var issuer = Find(claims, "iss");
        var options = issuer is null ? null : issuers.OptionsOf(issuer);
        if (options is null)
        {
            return PersonAuthentication.Unauthorized("the Easy Auth principal's issuer is not trusted by this gateway");
        }

        var subject = Find(claims, options.UserClaim);
        if (string.IsNullOrWhiteSpace(subject))
        {
            return PersonAuthentication.Unauthorized($"the Easy Auth principal has no \"{options.UserClaim}\" claim to name the person by");
        }

        if (claims.Any(c => c.Type is "hasgroups" or "_claim_names" or "_claim_sources"))
        {
            return PersonAuthentication.Forbidden(GroupClaims.OverageRefused);
        }

        var groups = claims.Where(c => Is(c.Type, options.GroupsClaim)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (GroupClaims.HasSystemGroup(groups))
        {
            return PersonAuthentication.Forbidden(GroupClaims.SystemGroupRefused);
        }

        DateTimeOffset? authTime = long.TryParse(Find(claims, "auth_time"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return PersonAuthentication.Success(new SignedInPerson(SignedInPerson.UserName(issuer!, subject), issuer!, subject, groups, authTime, "easyauth"));
    }

    /// <summary>Encodes a principal header (tests, and the shape documented in docs/identity.md).</summary>
    public static string Encode(IEnumerable<(string Type, string Value)> claims)
    {
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims = claims.Select(c => new { typ = c.Type, val = c.Value }) });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string? Find(List<(string Type, string Value)> claims, string type)
        => claims.FirstOrDefault(c => Is(c.Type, type)).Value;

    private static bool Is(string actual, string configured)
        => actual == configured || (LongNames.TryGetValue(configured, out var longName) && actual == longName);
}
