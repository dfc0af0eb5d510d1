namespace Hoop.Gateway.Masking;

/// <summary>The mask stage: wraps the upstream response body so that only masked bytes are ever read from it.</summary>
public interface IResponseMasker
{
    /// <summary>
    /// Returns a stream that reads the masked form of <paramref name="upstream"/>, or <paramref name="upstream"/> itself
    /// when nothing needs masking. A read that throws ends the response; unmasked bytes are never passed on.
    /// </summary>
    Stream Wrap(Stream upstream, MaskingContext context);
}
