using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Protobuf;

/// <summary>
/// Decodes request bodies in the Kubernetes protobuf encoding (<c>application/vnd.kubernetes.protobuf</c>) into the
/// JSON the apiserver would see. kubectl 1.32+ sends the kinds it builds itself (<c>create secret</c>,
/// <c>create deployment</c>, <c>create token</c>...) this way; manifests (<c>apply</c>, <c>create -f</c>) stay JSON.
/// </summary>
/// <remarks>
/// Envelope: the bytes <c>k8s\0</c>, then a runtime.Unknown {typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2}.
/// gogo-protobuf writes every non-pointer field, so empty strings, zeros and false are dropped as JSON's
/// <c>omitempty</c> would drop them, except the pointer fields where zero means something (<c>replicas: 0</c>).
/// </remarks>
internal static class KubernetesProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly HashSet<string> PointerFields =
        new(["replicas", "gracePeriodSeconds", "automountServiceAccountToken", "immutable", "orphanDependents", "expirationSeconds", "optional"], StringComparer.Ordinal);

    public static JsonObject Decode(ReadOnlyMemory<byte> body)
    {
        if (!body.Span.StartsWith("k8s\0"u8))
        {
            throw new FormatException("protobuf: the body does not start with the Kubernetes protobuf prefix");
        }

        var reader = new WireReader(body[4..]);
        string apiVersion = "", kind = "";
        var raw = ReadOnlyMemory<byte>.Empty;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1 && wireType == 2)
            {
                var typeMeta = new WireReader(reader.ReadBytes());
                while (!typeMeta.End)
                {
                    var (field, _) = typeMeta.ReadTag();
                    var text = Encoding.UTF8.GetString(typeMeta.ReadBytes().Span);
                    (apiVersion, kind) = field == 1 ? (text, kind) : (apiVersion, text);
                }
            }
            else if (number == 2 && wireType == 2)
            {
                raw = reader.ReadBytes();
            }
            else
            {
                reader.SkipIsEmpty(wireType);
            }
        }

        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion.Split('/')[0].Split('.')[0] : "core";
        var version = apiVersion.Split('/')[^1];
        var message = group == "meta" ? $"meta.v1.{kind}" : $"{group}.{version}.{kind}";
        if (ProtobufMessages.Find(message) is null)
        {
            throw new ApiException(new ApiStatus(415, "UnsupportedMediaType", $"the simulated cluster cannot decode {kind} ({apiVersion}) from protobuf; send JSON"));
        }

        var result = new JsonObject { ["kind"] = kind, ["apiVersion"] = apiVersion };
        foreach (var (key, value) in DecodeMessage(message, raw))
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static JsonObject DecodeMessage(string message, ReadOnlyMemory<byte> data)
    {
        var fields = ProtobufMessages.Find(message) ?? throw new FormatException($"protobuf: unknown message {message}");
        var result = new JsonObject();
        var reader = new WireReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (!fields.TryGetValue(number, out var field))
            {
                if (!reader.SkipIsEmpty(wireType))
                {
                    throw new ApiException(new ApiStatus(415, "UnsupportedMediaType", $"the simulated cluster cannot decode field {number} of {message} from protobuf; send JSON"));
                }

                continue;
            }

            if (field.IsMap)
            {
                var (key, value) = MapEntry(field.Type, reader.ReadBytes());
                Json.GetOrAddObject(result, field.Name)[key] = value;
            }
            else if (field.IsList)
            {
                if (result[field.Name] is not JsonArray list)
                {
                    result[field.Name] = list = [];
                }

                if (wireType == 2 && IsNumeric(field.Type))
                {
                    var packed = new WireReader(reader.ReadBytes());
                    while (!packed.End)
                    {
                        list.Add(Value(field.Type, 0, packed));
                    }
                }
                else
                {
                    list.Add(Value(field.Type, wireType, reader));
                }
            }
            else
            {
                result[field.Name] = Value(field.Type, wireType, reader);
            }
        }

        foreach (var key in result.Where(p => IsEmpty(p.Value) && !PointerFields.Contains(p.Key)).Select(p => p.Key).ToList())
        {
            result.Remove(key);
        }

        return result;
    }

    private static (string Key, JsonNode? Value) MapEntry(string valueType, ReadOnlyMemory<byte> entry)
    {
        var reader = new WireReader(entry);
        var key = "";
        JsonNode? value = valueType == "string" || valueType == "bytes" ? JsonValue.Create("") : null;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes().Span);
            }
            else
            {
                value = Value(valueType, wireType, reader);
            }
        }

        return (key, value);
    }

    private static JsonNode? Value(string type, int wireType, WireReader reader) => type switch
    {
        "string" => JsonValue.Create(Encoding.UTF8.GetString(reader.ReadBytes().Span)),
        "bytes" => JsonValue.Create(Convert.ToBase64String(reader.ReadBytes().Span)),
        "bool" => JsonValue.Create(reader.ReadVarint() != 0),
        "int32" => JsonValue.Create((int)reader.ReadVarint()),
        "int64" => JsonValue.Create((long)reader.ReadVarint()),
        "uint32" or "uint64" => JsonValue.Create(reader.ReadVarint()),
        "double" => JsonValue.Create(BitConverter.UInt64BitsToDouble(reader.ReadFixed64())),
        "float" => JsonValue.Create(BitConverter.UInt32BitsToSingle(reader.ReadFixed32())),
        _ when wireType != 2 => throw new FormatException($"protobuf: {type} must be length-delimited"),
        "meta.v1.Time" or "meta.v1.MicroTime" => Time(reader.ReadBytes(), type == "meta.v1.MicroTime"),
        "util.intstr.IntOrString" => IntOrString(reader.ReadBytes()),
        "api.resource.Quantity" => JsonValue.Create(Encoding.UTF8.GetString(SingleBytes(reader.ReadBytes()).Span)),
        "runtime.RawExtension" or "meta.v1.FieldsV1" => JsonNode.Parse(SingleBytes(reader.ReadBytes()).Span),
        "meta.v1.Duration" => JsonValue.Create(Duration(reader.ReadBytes())),
        _ => DecodeMessage(type, reader.ReadBytes()),
    };

    private static JsonNode? Time(ReadOnlyMemory<byte> data, bool micro)
    {
        var reader = new WireReader(data);
        long seconds = 0, nanos = 0;
        while (!reader.End)
        {
            var (number, _) = reader.ReadTag();
            (seconds, nanos) = number == 1 ? ((long)reader.ReadVarint(), nanos) : (seconds, (long)reader.ReadVarint());
        }

        if (seconds == 0 && nanos == 0)
        {
            return null;
        }

        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100).UtcDateTime;
        return JsonValue.Create(time.ToString(micro ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonNode? IntOrString(ReadOnlyMemory<byte> data)
    {
        var reader = new WireReader(data);
        long type = 0, number = 0;
        var text = "";
        while (!reader.End)
        {
            var (field, _) = reader.ReadTag();
            switch (field)
            {
                case 1: type = (long)reader.ReadVarint(); break;
                case 2: number = (int)reader.ReadVarint(); break;
                default: text = Encoding.UTF8.GetString(reader.ReadBytes().Span); break;
            }
        }

        return type == 1 ? JsonValue.Create(text) : JsonValue.Create(number);
    }

    // metav1.Duration {duration = 1 (nanoseconds)} is a Go duration string in JSON ("1h0m0s", "5m0s", "30s").
    private static string Duration(ReadOnlyMemory<byte> data)
    {
        var reader = new WireReader(data);
        var nanoseconds = 0L;
        if (!reader.End)
        {
            reader.ReadTag();
            nanoseconds = (long)reader.ReadVarint();
        }

        var span = TimeSpan.FromTicks(nanoseconds / 100);
        var hours = (long)span.TotalHours;
        return hours > 0 ? $"{hours}h{span.Minutes}m{span.Seconds}s"
            : span.Minutes > 0 ? $"{span.Minutes}m{span.Seconds}s"
            : $"{span.Seconds}s";
    }

    // Quantity, RawExtension and FieldsV1 are messages with one length-delimited field (number 1).
    private static ReadOnlyMemory<byte> SingleBytes(ReadOnlyMemory<byte> data)
    {
        var reader = new WireReader(data);
        if (reader.End)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        reader.ReadTag();
        return reader.ReadBytes();
    }

    private static bool IsNumeric(string type) => type is "bool" or "int32" or "int64" or "uint32" or "uint64" or "double" or "float";

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0,
        JsonValue value when value.TryGetValue<bool>(out var flag) => !flag,
        JsonValue value => value.ToJsonString() == "0",
        _ => false,
    };
}
