using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>A masker that changes nothing: journal tests check storage and chaining of exact bytes, not masking.</summary>
internal sealed class PassThroughMasker : IResponseMasker
{
    public Stream Wrap(Stream upstream, MaskingContext context) => upstream;

    public string MaskHeader(string value, MaskingContext context) => value;

    public ReadOnlyMemory<byte> MaskBody(ReadOnlyMemory<byte> body, string? contentType, MaskingContext context) => body;
}
