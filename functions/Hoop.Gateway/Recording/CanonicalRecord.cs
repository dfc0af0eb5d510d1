using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The canonical byte form of a record that the chain HMAC covers: every property except the chain value itself and the
/// Table service's own (<c>Timestamp</c>, <c>odata.etag</c>), in ordinal order of name, each as
/// <c>len(name) name type len(value) value</c> (lengths 4-byte big-endian). PartitionKey (the session) and RowKey (the
/// sequence) are included, so a record moved to another place or session no longer verifies; an added property (a Merge)
/// changes the form too.
/// </summary>
internal static class CanonicalRecord
{
    private static readonly byte[] Header = "hoop-journal-v1\n"u8.ToArray();

    public static byte[] Encode(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Header);
        foreach (var (name, value) in properties
            .Where(p => p.Key != JournalProperty.Chain && !JournalSchema.System.Contains(p.Key) && !p.Key.StartsWith("odata.", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteLengthPrefixed(buffer, Encoding.UTF8.GetBytes(name));
            var (type, bytes) = EncodeValue(value);
            buffer.Write([type]);
            WriteLengthPrefixed(buffer, bytes);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static (byte Type, byte[] Bytes) EncodeValue(object? value) => value switch
    {
        null => ((byte)'n', []),
        string s => ((byte)'s', Encoding.UTF8.GetBytes(s)),
        int i => ((byte)'i', Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture))),
        long l => ((byte)'l', Encoding.ASCII.GetBytes(l.ToString(CultureInfo.InvariantCulture))),
        bool b => ((byte)'o', b ? "true"u8.ToArray() : "false"u8.ToArray()),
        byte[] data => ((byte)'b', data),
        BinaryData data => ((byte)'b', data.ToArray()),
        DateTimeOffset t => ((byte)'t', Encoding.ASCII.GetBytes(t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))),
        DateTime t => ((byte)'t', Encoding.ASCII.GetBytes(t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))),
        double d => ((byte)'d', Encoding.ASCII.GetBytes(d.ToString("R", CultureInfo.InvariantCulture))),
        Guid g => ((byte)'g', Encoding.ASCII.GetBytes(g.ToString("D"))),
        _ => throw new ArgumentException($"A journal record cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    private static void WriteLengthPrefixed(ArrayBufferWriter<byte> buffer, byte[] bytes)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), bytes.Length);
        buffer.Advance(4);
        buffer.Write(bytes);
    }
}
