using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hoop.Gateway.Identity;

/// <summary>
/// Signs a person in from an OIDC bearer token (JWT): signature against the issuer's discovered keys, issuer, audience,
/// lifetime with bounded skew, an algorithm allow-list; then the immutable user name, groups and <c>auth_time</c>.
/// </summary>
/// <remarks>
/// The allow-list holds asymmetric algorithms only, and only asymmetric keys are loaded, so <c>alg: none</c> and the
/// HS256-signed-with-the-public-key confusion both fail. The issuer is chosen by the token's exact <c>iss</c> among the
/// configured ones; its keys are never taken from the token. Guarded by <c>OidcTokenValidatorTests</c>.
/// </remarks>
internal sealed class OidcTokenValidator(OidcIssuerRegistry issuers, IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>Signature algorithms accepted (RSA PKCS#1, RSA-PSS, ECDSA). Never <c>none</c>, never HMAC.</summary>
    public static readonly IReadOnlyList<string> Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeSpan _skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);

    public async ValueTask<PersonAuthentication> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (SessionToken.HasPrefix(token))
        {
            return PersonAuthentication.Unauthorized("a session token is accepted on /k8s/* only: sign in with your identity provider");
        }

        if (!_handler.CanReadToken(token))
        {
            return PersonAuthentication.Unauthorized("the bearer token is not a well-formed JWT");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return PersonAuthentication.Unauthorized("the bearer token is not a well-formed JWT");
        }

        var issuer = issuers.Find(unverified.Issuer ?? "");
        if (issuer is null)
        {
            return PersonAuthentication.Unauthorized("the token's issuer is not trusted by this gateway");
        }

        var keys = await issuer.GetKeysAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, Parameters(issuer.Options, keys));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await issuer.RefreshForUnknownKeyAsync(cancellationToken) is { } refreshed)
        {
            // The issuer may have rotated its keys since they were read: read them again (rate-limited) and retry once.
            result = await _handler.ValidateTokenAsync(token, Parameters(issuer.Options, refreshed));
        }

        if (!result.IsValid)
        {
            return PersonAuthentication.Unauthorized(Describe(result.Exception));
        }

        return ToPerson((JsonWebToken)result.SecurityToken, issuer.Options);
    }

    internal static PersonAuthentication ToPerson(JsonWebToken token, OidcIssuerOptions issuer)
    {
        var subject = token.Claims.FirstOrDefault(c => c.Type == issuer.UserClaim)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return PersonAuthentication.Unauthorized($"the token has no \"{issuer.UserClaim}\" claim to name the person by");
        }

        if (token.Claims.Any(c => c.Type == "hasgroups" || (c.Type == "_claim_names" && c.Value.Contains("\"groups\"", StringComparison.Ordinal))))
        {
            return PersonAuthentication.Forbidden(GroupClaims.OverageRefused);
        }

        var groups = token.Claims.Where(c => c.Type == issuer.GroupsClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (GroupClaims.HasSystemGroup(groups))
        {
            return PersonAuthentication.Forbidden(GroupClaims.SystemGroupRefused);
        }

        DateTimeOffset? authTime = token.TryGetPayloadValue<long>("auth_time", out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        return PersonAuthentication.Success(new SignedInPerson(
            SignedInPerson.UserName(issuer.Issuer!, subject), issuer.Issuer!, subject, groups, authTime, "oidc"));
    }

    private TokenValidationParameters Parameters(OidcIssuerOptions issuer, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = issuer.Issuer,
        ValidateIssuer = true,
        ValidAudiences = issuer.Audiences,
        ValidateAudience = true,
        RequireAudience = true,
        IssuerSigningKeys = keys,
        ValidateIssuerSigningKey = true,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = _skew,
        LifetimeValidator = ValidateLifetime,
        ValidateTokenReplay = false,
    };

    /// <summary>Lifetime against the injected clock (the library's own check reads the system clock).</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore is { } nbf && nbf > now + _skew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }

        if (exp <= now - _skew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
        }

        return true;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is not meant for this gateway (audience)",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted by this gateway",
        SecurityTokenInvalidAlgorithmException => "the token's signature algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with a key the issuer does not publish",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        _ => "the token is not valid",
    };
}
