using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hoop.Gateway.Recording;

/// <summary>
/// A daily anchor: the heads of every session's chain at one time, MAC'd with the journal key, written once to WORM
/// storage. A later rewrite or truncation of a chain no longer matches the head the anchor holds.
/// </summary>
internal sealed record AnchorDocument(DateTimeOffset CreatedAt, IReadOnlyList<AnchorHead> Heads, string Mac)
{
    public static AnchorDocument Create(DateTimeOffset createdAt, IReadOnlyList<AnchorHead> heads, JournalKeys keys)
        => new(createdAt, heads, keys.MacAnchor(Canonical(createdAt, heads)));

    public bool IsAuthentic(JournalKeys keys) => keys.MacAnchor(Canonical(CreatedAt, Heads)) == Mac;

    public byte[] ToJson()
    {
        var heads = new JsonArray();
        foreach (var head in Heads)
        {
            heads.Add(new JsonObject { ["table"] = head.Table, ["session"] = head.SessionId, ["sequence"] = head.Sequence, ["chain"] = head.Chain });
        }

        var root = new JsonObject { ["version"] = 1, ["createdAt"] = JournalTime.ToText(CreatedAt), ["heads"] = heads, ["mac"] = Mac };
        return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Parses an anchor; null when it is not one.</summary>
    public static AnchorDocument? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var heads = root["heads"]!.AsArray()
                .Select(h => new AnchorHead((string)h!["table"]!, (string)h["session"]!, (long)h["sequence"]!, (string)h["chain"]!))
                .ToList();
            return new AnchorDocument(JournalTime.Parse((string)root["createdAt"]!), heads, (string)root["mac"]!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }

    private static byte[] Canonical(DateTimeOffset createdAt, IReadOnlyList<AnchorHead> heads)
    {
        var text = new StringBuilder().Append(JournalTime.ToText(createdAt)).Append('\n');
        foreach (var head in heads)
        {
            text.Append(head.Table).Append('\t').Append(head.SessionId).Append('\t')
                .Append(head.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(head.Chain).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
