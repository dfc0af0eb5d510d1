namespace Hoop.Gateway.Sessions;

/// <summary>A session as the session store keeps it.</summary>
/// <param name="Session">The session (id, user, forwarded groups, role, connection, expiry).</param>
/// <param name="Enabled">False once the session was ended early.</param>
/// <param name="TokenHash">The keyed hash of its token (null when listed: listing reads no values).</param>
/// <param name="CreatedOn">When the session started.</param>
internal sealed record StoredSession(Session Session, bool Enabled, string? TokenHash, DateTimeOffset? CreatedOn);
