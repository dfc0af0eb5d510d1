namespace Hoop.Gateway.Masking;

/// <summary>The mask stage before inline masking lands: passes the body through unchanged.</summary>
internal sealed class PassThroughMasker : IResponseMasker
{
    public Stream Wrap(Stream upstream, MaskingContext context) => upstream;
}
