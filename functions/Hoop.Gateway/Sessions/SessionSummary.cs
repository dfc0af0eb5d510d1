namespace Hoop.Gateway.Sessions;

/// <summary>One of a person's sessions, as <c>GET /sessions</c> lists it.</summary>
/// <param name="Id">The session id.</param>
/// <param name="Role">Its role.</param>
/// <param name="Connection">Its connection.</param>
/// <param name="ExpiresAt">When it ends (or ended).</param>
/// <param name="State"><c>active</c>, <c>ended</c> (ended early) or <c>expired</c>.</param>
public sealed record SessionSummary(string Id, string Role, string Connection, DateTimeOffset ExpiresAt, string State);
