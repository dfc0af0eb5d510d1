namespace Hoop.Gateway.Approvals;

/// <summary>The input of <see cref="ApprovalOrchestration"/>: what the approver is asked to decide (changed only additively).</summary>
public sealed record ApprovalRequest
{
    /// <summary>The approval id, also the orchestration instance id.</summary>
    public required string ApprovalId { get; init; }

    public required string SessionId { get; init; }

    /// <summary>The Audit-ID of the agent request that asked first.</summary>
    public required string AuditId { get; init; }

    /// <summary>The session's user (who may not approve their own request).</summary>
    public required string Requester { get; init; }

    public required string Connection { get; init; }

    public required string Method { get; init; }

    /// <summary>The raw request target, as the API server will receive it.</summary>
    public required string Target { get; init; }

    public string ContentType { get; init; } = "";

    /// <summary>The request body as text (JSON or YAML; bodies the gateway cannot read are refused before approval).</summary>
    public string Body { get; init; } = "";

    public required string Rule { get; init; }

    public string? Message { get; init; }

    /// <summary>Identity provider groups whose members may decide.</summary>
    public required IReadOnlyList<string> ApproverGroups { get; init; }

    /// <summary>How long the approval waits for a decision before it expires.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The request as the API server classifies it: verb (get, create, patch, delete, ...).</summary>
    public string Verb { get; init; } = "";

    /// <summary>API group ("" for the core group).</summary>
    public string ApiGroup { get; init; } = "";

    /// <summary>Resource (plural, e.g. <c>deployments</c>).</summary>
    public string Resource { get; init; } = "";

    /// <summary>Subresource (e.g. <c>scale</c>), or empty.</summary>
    public string Subresource { get; init; } = "";

    /// <summary>Namespace, or empty for cluster-scoped requests.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Object name, or empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>When the approval was asked for (gateway clock).</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>The rule's approvers, as named under the policy's <c>approvers:</c> (notifications find their recipients by these names).</summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];

    /// <summary>When the approval expires without a decision (<see cref="RequestedAt"/> + <see cref="Timeout"/>); links expire with it.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}
