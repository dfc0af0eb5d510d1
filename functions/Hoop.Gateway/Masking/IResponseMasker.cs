namespace Hoop.Gateway.Masking;

/// <summary>The mask stage: every byte the agent receives from upstream, and every body the journal keeps, goes through it.</summary>
public interface IResponseMasker
{
    /// <summary>
    /// Returns a stream that reads the masked form of <paramref name="upstream"/> (a body of
    /// <see cref="MaskingContext.ContentType"/>). A read that throws ends the response; unmasked bytes are never passed
    /// on. Call only for bodies <see cref="BodyFormats.Classify"/> accepts; any other body reads as an error.
    /// </summary>
    Stream Wrap(Stream upstream, MaskingContext context);

    /// <summary>Masks a response header value (<c>Warning</c>) with the content rules; returns it unchanged when nothing matched.</summary>
    string MaskHeader(string value, MaskingContext context);

    /// <summary>
    /// Masks a whole body held in memory (a request body before it is journaled) as a response of
    /// <paramref name="contentType"/> would be. A body that cannot be masked as its type is masked as text, and a body
    /// of a refused type is replaced by the mask token.
    /// </summary>
    ReadOnlyMemory<byte> MaskBody(ReadOnlyMemory<byte> body, string? contentType, MaskingContext context);
}
