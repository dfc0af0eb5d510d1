namespace Hoop.Gateway.Hosting;

/// <summary>
/// The gateway's HTTP routes, in one place for both hosts. Route templates use ASP.NET Core syntax; the Azure
/// Functions app declares the same routes on its triggers (a test compares <see cref="All"/> with functions.metadata).
/// </summary>
public static class GatewayRoutes
{
    /// <summary>Agent requests: <c>/k8s/{connection}/{**path}</c>. Session tokens only (never behind Easy Auth).</summary>
    public const string Kubernetes = "k8s/{connection}/{**path}";

    /// <summary>Liveness of the gateway itself (no upstream call).</summary>
    public const string Health = "healthz";

    /// <summary>Auditors: the journal as JSONL or CSV (<c>?format=jsonl|csv&amp;session=&amp;user=&amp;from=&amp;to=</c>).</summary>
    public const string AuditExport = "audit/export";

    /// <summary>Auditors: one session's timeline, read-only.</summary>
    public const string AuditSession = "audit/sessions/{id}";

    /// <summary>Approvers: the approvals waiting for a decision (<c>?state=pending</c>).</summary>
    public const string Approvals = "approvals";

    /// <summary>Approvers: approve or deny one approval (POST, JSON).</summary>
    public const string ApprovalDecision = "approvals/{id}/decision";

    /// <summary>Approvers: the approval page (GET shows the request after sign-in, POST decides; <c>?link=TOKEN</c>).</summary>
    public const string ApprovalPage = "approvals/{id}/page";

    /// <summary>Approvers: where the browser sign-in of the approval page returns (the registered redirect URI).</summary>
    public const string ApprovalSignInCallback = "approvals/signin/callback";

    /// <summary>Auditors: the evidence report of a period (<c>?from=T&amp;to=T&amp;format=html|json</c>).</summary>
    public const string AuditEvidence = "audit/evidence";

    /// <summary><c>POST</c> starts a session, <c>GET</c> lists the caller's sessions (a signed-in person).</summary>
    public const string Sessions = "sessions";

    /// <summary><c>DELETE</c> ends a session early.</summary>
    public const string Session = "sessions/{id}";

    /// <summary>SAML 2.0 assertion consumer service (HTTP-POST binding); authenticates its callers itself.</summary>
    public const string SamlAcs = "saml/acs";

    /// <summary>The demo's dev OIDC issuer: discovery document (<c>hoop serve --demo</c> only).</summary>
    public const string DevOidcDiscovery = "dev/oidc/.well-known/openid-configuration";

    /// <summary>The demo's dev OIDC issuer: JWKS (<c>hoop serve --demo</c> only).</summary>
    public const string DevOidcKeys = "dev/oidc/jwks";

    /// <summary>The demo's dev OIDC issuer: authorization endpoint, a "sign in as alice / bob / carol" page (<c>hoop serve --demo</c> only).</summary>
    public const string DevOidcAuthorize = "dev/oidc/authorize";

    /// <summary>The demo's dev OIDC issuer: token endpoint, code → ID token (<c>hoop serve --demo</c> only).</summary>
    public const string DevOidcToken = "dev/oidc/token";

    /// <summary>Every route the gateway serves in Azure (and locally).</summary>
    public static IReadOnlyList<string> All { get; } = [Kubernetes, Health, Sessions, Session, SamlAcs, AuditExport, AuditSession, AuditEvidence, Approvals, ApprovalDecision, ApprovalPage, ApprovalSignInCallback];

    /// <summary>Routes only <c>hoop serve --demo</c> serves; never part of the function app.</summary>
    public static IReadOnlyList<string> DemoOnly { get; } = [DevOidcDiscovery, DevOidcKeys, DevOidcAuthorize, DevOidcToken];
}
