using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Identity;

/// <summary>
/// The gateway's own short-lived proof of a SAML sign-in: <c>hoopsi_</c> + base64url(payload) + <c>.</c> +
/// base64url(HMAC). A browser sign-in at <c>/saml/acs</c> yields one; the person (or the CLI) presents it as a bearer
/// token on <c>/sessions</c>, where it gives the same <see cref="SignedInPerson"/> the assertion did.
/// </summary>
/// <remarks>
/// Not a JWT on purpose: it is never accepted by the OIDC path (so no algorithm confusion), only by this class. It expires
/// when the sign-in stops being recent (<see cref="IdentityOptions.MaxSignInAgeSeconds"/>) and never works on <c>/k8s/*</c>.
/// The MAC key is derived from the session master key (<see cref="SessionKeys"/>).
/// </remarks>
internal sealed class SignInTickets(ISessionKeySource keys, IOptions<IdentityOptions> options, TimeProvider time)
{
    public const string Prefix = "hoopsi_";

    public static bool HasPrefix(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Issues a ticket for <paramref name="person"/> (who signed in at <see cref="SignedInPerson.AuthTime"/>).</summary>
    public async ValueTask<(string Ticket, DateTimeOffset ExpiresAt)> IssueAsync(SignedInPerson person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var authTime = person.AuthTime ?? time.GetUtcNow();
        var expires = authTime.AddSeconds(options.Value.MaxSignInAgeSeconds);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TicketPayload(person.Issuer, person.Subject, [.. person.Groups], authTime.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), person.Method));
        var mac = (await keys.GetKeysAsync(cancellationToken)).MacTicket(payload);
        return (Prefix + Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac), expires);
    }

    public async ValueTask<PersonAuthentication> ValidateAsync(string ticket, CancellationToken cancellationToken = default)
    {
        var dot = ticket.IndexOf('.', StringComparison.Ordinal);
        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(ticket.AsSpan(Prefix.Length, Math.Max(0, dot - Prefix.Length)));
            mac = Base64Url.DecodeFromChars(ticket.AsSpan(dot + 1));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            return PersonAuthentication.Unauthorized("the sign-in ticket is malformed");
        }

        if (dot < 0 || !CryptographicOperations.FixedTimeEquals((await keys.GetKeysAsync(cancellationToken)).MacTicket(payload), mac))
        {
            return PersonAuthentication.Unauthorized("the sign-in ticket is not valid");
        }

        var content = JsonSerializer.Deserialize<TicketPayload>(payload)!;
        if (DateTimeOffset.FromUnixTimeSeconds(content.Exp) <= time.GetUtcNow())
        {
            return PersonAuthentication.Unauthorized("the sign-in ticket has expired: sign in again");
        }

        return PersonAuthentication.Success(new SignedInPerson(
            SignedInPerson.UserName(content.Iss, content.Sub), content.Iss, content.Sub, content.Groups, DateTimeOffset.FromUnixTimeSeconds(content.At), content.Method));
    }

    private sealed record TicketPayload(string Iss, string Sub, string[] Groups, long At, long Exp, string Method);
}
