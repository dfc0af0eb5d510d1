using System.Buffers;

namespace Hoop.Gateway.Masking;

/// <summary>A push-style masker for one body: chunks in, masked bytes out, in order.</summary>
internal interface IStreamMasker
{
    /// <summary>Masks what it can of <paramref name="input"/> (holding back an incomplete token, line or object).</summary>
    void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output);

    /// <summary>The body has ended: masks and writes what was held back, or throws if the body was cut short.</summary>
    void Complete(IBufferWriter<byte> output);
}
