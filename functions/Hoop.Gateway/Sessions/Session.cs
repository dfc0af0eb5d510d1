namespace Hoop.Gateway.Sessions;

/// <summary>An authenticated agent session: who it acts for, under which role, on which connection, until when.</summary>
/// <param name="Id">Session id (also the journal partition).</param>
/// <param name="User">Immutable user name forwarded to the cluster (issuer + subject).</param>
/// <param name="Groups">The person's groups as mapped by policy (never <c>system:*</c>).</param>
/// <param name="Role">The policy role the session runs under.</param>
/// <param name="Connection">The only connection this session may reach.</param>
/// <param name="ExpiresAt">When the session ends.</param>
public sealed record Session(
    string Id,
    string User,
    IReadOnlyList<string> Groups,
    string Role,
    string Connection,
    DateTimeOffset ExpiresAt);
