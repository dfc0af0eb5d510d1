using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

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

    /// <summary>The raw request body. The journal stores it masked, plus a keyed hash of these bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The request's Content-Type ("" when none).</summary>
    public string ContentType { get; init; } = "";

    /// <summary>The agent's User-Agent ("" when none).</summary>
    public string UserAgent { get; init; } = "";

    /// <summary>
    /// The session, so the journal can write its start record when this is the first record it sees of it (a session
    /// started before the journal could record it, or on another instance that failed).
    /// </summary>
    public Session? Session { get; init; }
}
