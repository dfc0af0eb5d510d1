using Hoop.Gateway.Masking;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Upstream;

/// <summary>Everything the forward stage needs for one request, decided by the pipeline before anything is sent.</summary>
internal sealed record ForwardPlan
{
    public required UpstreamConnection Connection { get; init; }

    /// <summary>The request target sent upstream: the agent's raw path and query (after the gateway prefix), with only the watch bound applied.</summary>
    public required string Target { get; init; }

    /// <summary>The gateway's <c>Audit-ID</c> for this request (replaces any the agent sent).</summary>
    public required string AuditId { get; init; }

    /// <summary>When set, the response body ends cleanly at this time.</summary>
    public DateTimeOffset? StreamDeadline { get; init; }

    /// <summary>The session the request belongs to: its identity is forwarded as the connection says (impersonation, ServiceAccount token).</summary>
    public Session? Session { get; init; }

    /// <summary>Cancelled when the session ends; a long-lived body (one with <see cref="StreamDeadline"/>) then ends cleanly.</summary>
    public CancellationToken SessionEnded { get; init; }

    public required MaskingContext Masking { get; init; }

    /// <summary>Records the response body: a keyed hash of the upstream bytes, the delivered (masked) bytes in segments.</summary>
    public IResponseBodyRecorder? Recorder { get; init; }

    /// <summary>The request reads the OpenAPI v2 schema, which may come back as protobuf (<see cref="AcceptHeader.IsSchemaDocument"/>).</summary>
    public bool SchemaDocument { get; init; }
}
