namespace Hoop.Gateway.Recording;

/// <summary>What the recorder saw of a response body, written into the response record.</summary>
internal sealed record ResponseBodySummary
{
    /// <summary>Segments queued for the journal (each a <c>ResponseBody</c> record).</summary>
    public required int Segments { get; init; }

    /// <summary>Bytes the client received (after masking).</summary>
    public required long DeliveredBytes { get; init; }

    /// <summary>Bytes the API server sent (before masking).</summary>
    public required long UpstreamBytes { get; init; }

    /// <summary>Keyed hash of the API server's bytes.</summary>
    public required string UpstreamHash { get; init; }

    /// <summary>Whether masking changed the body (the two keyed hashes differ).</summary>
    public required bool Masked { get; init; }

    /// <summary>Set when the body was not recorded in full (capped, or segments lost).</summary>
    public string? Note { get; init; }
}
