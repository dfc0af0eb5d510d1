namespace Hoop.Gateway.Recording;

/// <summary>The response the agent received for one request (journaled when it completes).</summary>
public sealed record ResponseRecord
{
    public required string SessionId { get; init; }

    public required string AuditId { get; init; }

    public required int StatusCode { get; init; }

    public required TimeSpan Duration { get; init; }

    public long Bytes { get; init; }

    /// <summary>Set when the gateway itself refused or failed the request.</summary>
    public string? Error { get; init; }

    /// <summary>The recorder that saw the body (from <see cref="IAuditJournal.OpenResponseBodyAsync"/>); null when the gateway answered itself.</summary>
    public IResponseBodyRecorder? Body { get; init; }
}
