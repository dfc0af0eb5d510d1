using System.Buffers;
using System.Text;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Streaming text masker (logs, <c>text/plain</c>, YAML): line by line, across chunk boundaries (a secret split over two
/// chunks is seen whole), with the state that spans lines carried by <see cref="LineMasker"/> (PEM blocks, YAML Secrets).
/// Lines with nothing to mask are copied byte for byte.
/// </summary>
/// <remarks>
/// Memory bound: one line up to <see cref="MaskingOptions.MaxLineBytes"/>. A longer line is scanned in segments cut at
/// whitespace; a single token longer than the bound is masked whole (it is dropped up to the next whitespace).
/// </remarks>
internal sealed class TextStreamMasker : IStreamMasker
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r"u8);

    private readonly LineMasker _lines;
    private readonly int _maxLine;
    private byte[] _buffer = [];
    private int _length;
    private bool _dropping;

    public TextStreamMasker(MaskingEngine engine, MaskFormatter formatter)
    {
        _lines = new LineMasker(engine, formatter, embedLevel: 0);
        _maxLine = engine.Options.MaxLineBytes;
    }

    /// <summary>Whether any line was masked so far.</summary>
    public bool Changed { get; private set; }

    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty)
        {
            if (_dropping)
            {
                var stop = input.IndexOfAny((byte)' ', (byte)'\t', (byte)'\n');
                if (stop < 0)
                {
                    return;
                }

                _dropping = false;
                input = input[stop..];
            }

            var newline = input.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Append(input);
                if (_length > _maxLine)
                {
                    Segment(output);
                }

                return;
            }

            if (_length == 0)
            {
                EmitLine(input[..newline], output);
            }
            else
            {
                Append(input[..newline]);
                EmitLine(_buffer.AsSpan(0, _length), output);
                _length = 0;
            }

            output.Write("\n"u8);
            input = input[(newline + 1)..];
        }
    }

    public void Complete(IBufferWriter<byte> output)
    {
        if (_length > 0)
        {
            EmitLine(_buffer.AsSpan(0, _length), output);
            _length = 0;
        }

        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>The held line passed the bound: scan up to its last whitespace, keep the rest; no whitespace: mask the token whole.</summary>
    private void Segment(IBufferWriter<byte> output)
    {
        var held = _buffer.AsSpan(0, _length);
        var cut = CutPoint(held);
        if (cut <= 0)
        {
            output.Write(held[..(held.Length - held.TrimStart(" \t\r"u8).Length)]);
            output.Write(Encoding.UTF8.GetBytes(MaskToken.Text));
            Changed = true;
            _length = 0;
            _dropping = true;
            return;
        }

        EmitLine(held[..cut], output);
        held[cut..].CopyTo(_buffer);
        _length -= cut;
    }

    /// <summary>The last whitespace that does not separate a key or a scheme word from its value ("password: x", "Bearer x").</summary>
    private static int CutPoint(ReadOnlySpan<byte> held)
    {
        var end = held.Length;
        while (true)
        {
            var cut = held[..end].LastIndexOfAny(Whitespace);
            if (cut <= 0)
            {
                return cut;
            }

            var before = held[..cut].TrimEnd(" \t\r"u8);
            if (before.Length > 0 && before[^1] is not ((byte)':' or (byte)'=') && !before.EndsWith("Bearer"u8) && !before.EndsWith("Basic"u8)
                && !before.EndsWith("bearer"u8) && !before.EndsWith("basic"u8))
            {
                return cut;
            }

            end = cut;
        }
    }

    private void EmitLine(ReadOnlySpan<byte> line, IBufferWriter<byte> output)
    {
        if (line.Length < 5)
        {
            output.Write(line);
            return;
        }

        var chars = ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            var count = Encoding.UTF8.GetChars(line, chars);
            var masked = _lines.MaskLine(chars.AsSpan(0, count));
            if (masked is null)
            {
                output.Write(line);
                return;
            }

            Changed = true;
            var bytes = output.GetSpan(Encoding.UTF8.GetMaxByteCount(masked.Length));
            output.Advance(Encoding.UTF8.GetBytes(masked, bytes));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Append(ReadOnlySpan<byte> input)
    {
        if (_length + input.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + input.Length, Math.Max(1024, _buffer.Length * 2)));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        input.CopyTo(_buffer.AsSpan(_length));
        _length += input.Length;
    }
}
