using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Policy;

/// <summary>Everything the decide stage may look at. Grows additively as policy needs more of the request.</summary>
public sealed record DecisionRequest
{
    public required Session Session { get; init; }

    public required RequestInfo Info { get; init; }

    /// <summary>The HTTP method as sent (upper case).</summary>
    public required string Method { get; init; }

    /// <summary>
    /// The query's decoded pairs in order, as Go reads them (<c>QueryParameters.Pairs</c>); the first value of a key is the
    /// one the API server uses. Policy reads <c>dryRun</c>, <c>resourceVersion</c> and <c>sendInitialEvents</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>The request's Content-Type, or empty.</summary>
    public string ContentType { get; init; } = "";

    /// <summary>The raw request target as it is forwarded upstream (path and query); the approval fingerprint covers it.</summary>
    public string Target { get; init; } = "";

    /// <summary>The Audit-ID of the agent request (approvals journal their steps against it).</summary>
    public string AuditId { get; init; } = "";

    /// <summary>The buffered request body (empty when there is none). Bodies are bounded by the pipeline.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}
