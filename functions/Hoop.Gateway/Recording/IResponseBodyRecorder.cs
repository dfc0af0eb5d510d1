namespace Hoop.Gateway.Recording;

/// <summary>
/// Records one response body as it streams: a keyed hash of what the API server sent, and the bytes that left the
/// gateway (after masking) in segments, written to the journal as they fill.
/// </summary>
public interface IResponseBodyRecorder
{
    /// <summary>Wraps the upstream body (before masking): its bytes are hashed, never stored.</summary>
    Stream WrapUpstream(Stream upstream);

    /// <summary>Wraps the body the client receives (after masking): its bytes are stored in segments.</summary>
    Stream WrapDelivered(Stream delivered);
}
