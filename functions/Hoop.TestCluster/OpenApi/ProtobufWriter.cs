using System.Text;

namespace Hoop.TestCluster.OpenApi;

/// <summary>The little of the protobuf wire format the OpenAPI v2 document needs: length-delimited fields and varints.</summary>
internal sealed class ProtobufWriter
{
    private readonly MemoryStream _buffer = new();

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    public ProtobufWriter Number(int field, ulong value)
    {
        Varint((ulong)(field << 3));
        Varint(value);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();

    private ProtobufWriter Bytes(int field, byte[] value)
    {
        Varint((ulong)((field << 3) | 2));
        Varint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }
}
