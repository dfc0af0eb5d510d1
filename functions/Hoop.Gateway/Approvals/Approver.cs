namespace Hoop.Gateway.Approvals;

/// <summary>The person deciding an approval: the seam to the identity provider (user name as sessions name users, and groups).</summary>
/// <param name="User">Immutable user name (issuer + subject, as <see cref="Sessions.Session.User"/>).</param>
/// <param name="Groups">The person's identity provider groups.</param>
public sealed record Approver(string User, IReadOnlyList<string> Groups);
