namespace Hoop.TestCluster.Protobuf;

/// <summary>Reads the protobuf wire format: tags, varints, fixed-width numbers and length-delimited fields.</summary>
internal sealed class WireReader(ReadOnlyMemory<byte> data)
{
    private int _position;

    public bool End => _position >= data.Length;

    public (int Number, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("protobuf: varint too long");
    }

    public ReadOnlyMemory<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > data.Length)
        {
            throw new FormatException("protobuf: length runs past the end of the message");
        }

        var bytes = data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public ulong ReadFixed64() => BitConverter.ToUInt64(Take(8));

    public uint ReadFixed32() => BitConverter.ToUInt32(Take(4));

    /// <summary>Skips a field and says whether it held anything but zeros (gogo writes empty non-pointer fields).</summary>
    public bool SkipIsEmpty(int wireType) => wireType switch
    {
        0 => ReadVarint() == 0,
        1 => ReadFixed64() == 0,
        2 => ReadBytes().Length == 0,
        5 => ReadFixed32() == 0,
        _ => throw new FormatException($"protobuf: unsupported wire type {wireType}"),
    };

    private byte Next() =>
        _position < data.Length ? data.Span[_position++] : throw new FormatException("protobuf: message ends inside a field");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_position + count > data.Length)
        {
            throw new FormatException("protobuf: message ends inside a field");
        }

        var span = data.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
