using System.Text.Json;

namespace Hoop.TestCluster.Protobuf;

/// <summary>The message layouts of <c>messages.json</c> (from the Kubernetes generated.proto files).</summary>
internal static class ProtobufMessages
{
    private static readonly Lazy<Dictionary<string, Dictionary<int, ProtobufField>>> Messages = new(Load);

    public static Dictionary<int, ProtobufField>? Find(string message) => Messages.Value.GetValueOrDefault(message);

    private static Dictionary<string, Dictionary<int, ProtobufField>> Load()
    {
        using var stream = typeof(ProtobufMessages).Assembly.GetManifestResourceStream("Hoop.TestCluster.Protobuf.messages.json")
            ?? throw new InvalidOperationException("the embedded protobuf message table is missing");
        using var document = JsonDocument.Parse(stream);
        var messages = new Dictionary<string, Dictionary<int, ProtobufField>>(StringComparer.Ordinal);
        foreach (var message in document.RootElement.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Array))
        {
            var fields = new Dictionary<int, ProtobufField>();
            foreach (var entry in message.Value.EnumerateArray())
            {
                // [number, name, type] or [number, name, "list" | "map", type]
                var number = entry[0].GetInt32();
                var name = entry[1].GetString()!;
                var kind = entry[2].GetString()!;
                fields[number] = entry.GetArrayLength() == 4
                    ? new ProtobufField(number, name, entry[3].GetString()!, kind == "list", kind == "map")
                    : new ProtobufField(number, name, kind, false, false);
            }

            messages[message.Name] = fields;
        }

        return messages;
    }
}
