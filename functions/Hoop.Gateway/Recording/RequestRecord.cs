using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Recording;

/// <summary>One agent request as the gateway judged it (journaled before forwarding).</summary>
public sealed record RequestRecord
{
    public required string SessionId { get; init; }

    public required string AuditId { get; init; }

    public required string User { get; init; }

    public required string Connection { get; init; }

    public required string Method { get; init; }

    /// <summary>The raw request target as received (after the <c>/k8s/{connection}</c> prefix).</summary>
    public required string Target { get; init; }

    public required RequestInfo Info { get; init; }

    public required Decision Decision { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }
}
