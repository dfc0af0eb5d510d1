namespace Hoop.Gateway.Policy;

/// <summary>Whose identity a forwarded request carries to the cluster.</summary>
public enum ConnectionIdentity
{
    /// <summary>The gateway's credential with <c>Impersonate-User</c> / <c>Impersonate-Group</c> for the session's person.</summary>
    Impersonate,

    /// <summary>A short-lived token of a per-session ServiceAccount.</summary>
    ServiceAccountToken,

    /// <summary>The gateway's own credential (the cluster sees the gateway, the journal sees the person).</summary>
    Gateway,
}
