using System.Buffers;
using Hoop.Gateway.Upstream;

namespace Hoop.Gateway.Masking;

/// <summary>
/// A read-only stream over the masked form of another: reads a chunk from upstream, pushes it through the masker, serves
/// what came out. A masker fault surfaces as an <see cref="IOException"/> from the read, which ends the response.
/// </summary>
internal sealed class MaskingStream(Stream inner, IStreamMasker masker) : ReadOnlyStreamBase(inner)
{
    private const int ChunkSize = 16 * 1024;

    private readonly ArrayBufferWriter<byte> _output = new(ChunkSize);
    private byte[]? _input;
    private int _served;
    private bool _completed;
    private bool _failed;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failed)
        {
            throw new IOException("the response was ended by the masker");
        }

        _input ??= ArrayPool<byte>.Shared.Rent(ChunkSize);
        while (true)
        {
            var available = _output.WrittenCount - _served;
            if (available > 0)
            {
                var count = Math.Min(available, buffer.Length);
                _output.WrittenSpan.Slice(_served, count).CopyTo(buffer.Span);
                _served += count;
                if (_served == _output.WrittenCount)
                {
                    _output.ResetWrittenCount();
                    _served = 0;
                }

                return count;
            }

            if (_completed)
            {
                return 0;
            }

            var read = await Inner.ReadAsync(_input, cancellationToken);
            try
            {
                if (read == 0)
                {
                    masker.Complete(_output);
                    _completed = true;
                }
                else
                {
                    masker.Write(_input.AsSpan(0, read), _output);
                }
            }
            catch (MaskingException ex)
            {
                // Nothing held back is released: the masked output so far was served, the rest is dropped.
                _failed = true;
                _output.ResetWrittenCount();
                throw new IOException("the response was ended by the masker: " + ex.Message, ex);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_input is not null)
            {
                ArrayPool<byte>.Shared.Return(_input);
                _input = null;
            }
        }

        base.Dispose(disposing);
    }
}
