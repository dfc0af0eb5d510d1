using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Recording;

/// <summary>One request as an auditor sees it: the request record joined with its approval steps and response.</summary>
internal sealed record AuditEvent
{
    public required string SessionId { get; init; }

    public required string AuditId { get; init; }

    public required string User { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public required string Connection { get; init; }

    public required string Method { get; init; }

    /// <summary>The request target as the API server sees it (path and query).</summary>
    public required string Target { get; init; }

    public string UserAgent { get; init; } = "";

    public required RequestInfo Info { get; init; }

    /// <summary>allow, block or approve.</summary>
    public required string Decision { get; init; }

    public string? Rule { get; init; }

    public string? Message { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int? Status { get; set; }

    public string? Error { get; set; }

    public long? DurationMicros { get; set; }

    public long? Bytes { get; set; }

    public bool? Masked { get; set; }

    public string? BodyNote { get; init; }

    public List<ApprovalRecord> Approvals { get; } = [];

    /// <summary>The masked request body (replay with bodies only).</summary>
    public byte[]? RequestBody { get; set; }

    /// <summary>The masked response body (replay with bodies only).</summary>
    public byte[]? ResponseBody { get; set; }

    /// <summary>The approver of a decided approval, if any.</summary>
    public string? Approver => Approvals.LastOrDefault(a => a.Step == ApprovalRecord.Steps.Decided)?.Actor;
}
