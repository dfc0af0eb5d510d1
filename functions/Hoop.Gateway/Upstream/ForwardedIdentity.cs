namespace Hoop.Gateway.Upstream;

/// <summary>Whose identity a forwarded request carries to the cluster (the policy's connection <c>identity</c>).</summary>
public enum ForwardedIdentity
{
    /// <summary>
    /// The gateway's credential plus <c>Impersonate-User</c> (the session's immutable user) and <c>Impersonate-Group</c>
    /// (the groups the role mapping gave), so the cluster's RBAC and audit log see the real person.
    /// </summary>
    Impersonate,

    /// <summary>A token of ServiceAccount <c>hoop-{role}</c> in namespace <c>hoop-system</c>, minted per session with the TokenRequest API.</summary>
    ServiceAccountToken,

    /// <summary>The gateway's own credential (the cluster sees the gateway; the journal sees the person).</summary>
    Gateway,
}
