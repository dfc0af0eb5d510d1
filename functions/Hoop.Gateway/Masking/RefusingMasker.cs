using System.Buffers;

namespace Hoop.Gateway.Masking;

/// <summary>The masker for a body of a refused type: any byte ends the response (the transformer answers 502 before this).</summary>
internal sealed class RefusingMasker(string contentType) : IStreamMasker
{
    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (!input.IsEmpty)
        {
            throw new MaskingException($"a body of type \"{contentType}\" cannot be masked");
        }
    }

    public void Complete(IBufferWriter<byte> output)
    {
    }
}
