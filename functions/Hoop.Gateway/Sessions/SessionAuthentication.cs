using System.Diagnostics.CodeAnalysis;

namespace Hoop.Gateway.Sessions;

/// <summary>The outcome of authenticating a session token: a session, or the reason it was refused.</summary>
public sealed record SessionAuthentication
{
    private SessionAuthentication(Session? session, string? failure, CancellationToken ended)
    {
        Session = session;
        Failure = failure;
        Ended = ended;
    }

    public Session? Session { get; }

    /// <summary>Why the token was refused (safe to show the agent: never echoes the token).</summary>
    public string? Failure { get; }

    /// <summary>
    /// Cancelled when the session ends (ended early, expired, or its record vanished), within the validation bound; long
    /// responses (watches, followed logs) of the session end cleanly when it fires. <see cref="CancellationToken.None"/>
    /// when the authenticator cannot tell.
    /// </summary>
    public CancellationToken Ended { get; }

    [MemberNotNullWhen(true, nameof(Session))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Session is not null;

    public static SessionAuthentication Success(Session session, CancellationToken ended = default) => new(session, null, ended);

    public static SessionAuthentication Fail(string reason) => new(null, reason, CancellationToken.None);
}
