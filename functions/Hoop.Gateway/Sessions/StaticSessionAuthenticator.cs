using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// Accepts a fixed set of session tokens, each bound to one session. This is the foundation's authenticate stage
/// (the local demo's session for the agent); the identity issue replaces it with just-in-time tokens kept in Key Vault.
/// </summary>
/// <remarks>Tokens are compared as SHA-256 digests in constant time; an expired session is refused.</remarks>
internal sealed class StaticSessionAuthenticator : ISessionAuthenticator
{
    private readonly (byte[] Digest, Session Session)[] _sessions;
    private readonly TimeProvider _time;

    public StaticSessionAuthenticator(IEnumerable<KeyValuePair<string, Session>> sessions, TimeProvider time)
    {
        _sessions = [.. sessions.Select(s => (Digest(s.Key), s.Value))];
        _time = time;
    }

    public ValueTask<SessionAuthentication> AuthenticateAsync(string? bearerToken, string connection, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(bearerToken))
        {
            return ValueTask.FromResult(SessionAuthentication.Fail("a session token is required: use the kubeconfig from 'hoop session start'"));
        }

        var digest = Digest(bearerToken);
        Session? found = null;
        foreach (var (candidate, session) in _sessions)
        {
            // Visit every entry so timing does not reveal which one matched.
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                found = session;
            }
        }

        if (found is null)
        {
            return ValueTask.FromResult(SessionAuthentication.Fail("the session token is not valid"));
        }

        if (found.ExpiresAt <= _time.GetUtcNow())
        {
            return ValueTask.FromResult(SessionAuthentication.Fail("the session has ended"));
        }

        return ValueTask.FromResult(!string.Equals(found.Connection, connection, StringComparison.Ordinal)
            ? SessionAuthentication.Fail($"the session is not valid for connection \"{connection}\"")
            : SessionAuthentication.Success(found));
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
