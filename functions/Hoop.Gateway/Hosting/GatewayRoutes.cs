namespace Hoop.Gateway.Hosting;

/// <summary>
/// The gateway's HTTP routes, in one place for both hosts. Route templates use ASP.NET Core syntax; the Azure
/// Functions app declares the same routes on its triggers (a test compares the two sets).
/// </summary>
public static class GatewayRoutes
{
    /// <summary>Agent requests: <c>/k8s/{connection}/{**path}</c>.</summary>
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

    /// <summary>Every route the gateway serves.</summary>
    public static IReadOnlyList<string> All { get; } = [Kubernetes, Health, AuditExport, AuditSession, Approvals, ApprovalDecision];
}
