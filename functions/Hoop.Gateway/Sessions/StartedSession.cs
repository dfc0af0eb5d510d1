namespace Hoop.Gateway.Sessions;

/// <summary>A session just started: the session and its token (shown once, to the person who started it).</summary>
/// <param name="Session">The session.</param>
/// <param name="Token">The session token; the vault keeps only its keyed hash.</param>
public sealed record StartedSession(Session Session, string Token);
