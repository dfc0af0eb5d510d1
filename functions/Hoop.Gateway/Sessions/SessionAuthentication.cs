using System.Diagnostics.CodeAnalysis;

namespace Hoop.Gateway.Sessions;

/// <summary>The outcome of authenticating a session token: a session, or the reason it was refused.</summary>
public sealed record SessionAuthentication
{
    private SessionAuthentication(Session? session, string? failure)
    {
        Session = session;
        Failure = failure;
    }

    public Session? Session { get; }

    /// <summary>Why the token was refused (safe to show the agent: never echoes the token).</summary>
    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Session))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Session is not null;

    public static SessionAuthentication Success(Session session) => new(session, null);

    public static SessionAuthentication Fail(string reason) => new(null, reason);
}
