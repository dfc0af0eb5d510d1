using System.Security.Cryptography;
using System.Text;
using Hoop.Gateway.Identity;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// The authenticate stage for <c>/k8s/*</c>: just-in-time session tokens checked against the session store.
/// </summary>
/// <remarks>
/// Order matters: a forged Easy Auth principal is refused outright; the token's shape and checksum are checked before
/// any store call (random tokens cost nothing); the store's answer is cached for at most the validation bound; the keyed
/// hash is compared in constant time; an ended or expired session, or another connection, is refused. Every refusal is
/// journaled through <see cref="ISessionAudit"/>.
/// </remarks>
internal sealed class SessionTokenAuthenticator(
    SessionCache cache,
    ISessionKeySource keys,
    SessionEndWatcher watcher,
    ISessionAudit audit,
    TimeProvider time) : ISessionAuthenticator
{
    public const string MissingToken = "a session token is required: use the kubeconfig from 'hoop session start'";
    public const string InvalidToken = "the session token is not valid";
    public const string SessionEnded = "the session has ended: start a new one with 'hoop session start'";
    public const string EasyAuthRefused = "sign-in principal headers are not accepted on /k8s/*: use a session token";

    public async ValueTask<SessionAuthentication> AuthenticateAsync(HttpRequest request, string connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (EasyAuthHeaders.ArePresent(request))
        {
            return await RefuseAsync(connection, EasyAuthRefused, null, request.HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        }

        return await AuthenticateCoreAsync(BearerToken.From(request), connection, request.HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
    }

    public ValueTask<SessionAuthentication> AuthenticateAsync(string? bearerToken, string connection, CancellationToken cancellationToken = default)
        => AuthenticateCoreAsync(bearerToken, connection, null, cancellationToken);

    private async ValueTask<SessionAuthentication> AuthenticateCoreAsync(string? token, string connection, string? remote, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return await RefuseAsync(connection, MissingToken, null, remote, cancellationToken);
        }

        // Shape and checksum first: no I/O for a token that cannot be one of ours.
        if (!SessionToken.TryParse(token, out var id))
        {
            return await RefuseAsync(connection, InvalidToken, null, remote, cancellationToken);
        }

        var stored = await cache.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return await RefuseAsync(connection, InvalidToken, null, remote, cancellationToken);
        }

        if (!stored.Enabled)
        {
            return await RefuseAsync(connection, SessionEnded, id, remote, cancellationToken);
        }

        var expected = Encoding.ASCII.GetBytes(stored.TokenHash ?? "");
        var actual = Encoding.ASCII.GetBytes((await keys.GetKeysAsync(cancellationToken)).HashToken(token));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return await RefuseAsync(connection, InvalidToken, null, remote, cancellationToken);
        }

        var session = stored.Session;
        if (session.ExpiresAt <= time.GetUtcNow())
        {
            return await RefuseAsync(connection, SessionEnded, id, remote, cancellationToken);
        }

        if (!string.Equals(session.Connection, connection, StringComparison.Ordinal))
        {
            return await RefuseAsync(connection, $"the session is not valid for connection \"{connection}\"", id, remote, cancellationToken);
        }

        return SessionAuthentication.Success(session, watcher.TokenFor(session));
    }

    private async ValueTask<SessionAuthentication> RefuseAsync(string connection, string reason, string? sessionId, string? remote, CancellationToken cancellationToken)
    {
        await audit.RefusedAsync(
            new AccessRefusal
            {
                Route = "/k8s/" + connection,
                StatusCode = StatusCodes.Status401Unauthorized,
                Reason = reason,
                SessionId = sessionId,
                RemoteAddress = remote,
                At = time.GetUtcNow(),
            },
            cancellationToken);
        return SessionAuthentication.Fail(reason);
    }
}
