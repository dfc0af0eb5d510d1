using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.Requests;

/// <summary>apimachinery's selector parse tables, ported as data (assets/selectors/apimachinery-selector-parse.json).</summary>
internal static class SelectorParseTable
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "selectors", "apimachinery-selector-parse.json")))!.AsObject());

    public static JsonObject Source => Document.Value["source"]!.AsObject();

    public static JsonObject Row(string id) =>
        Document.Value["cases"]!.AsArray().Select(node => node!.AsObject()).Single(row => (string)row["id"]! == id);

    public static TheoryData<string> Ids(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var row in Document.Value["cases"]!.AsArray())
        {
            if ((string)row!["kind"]! == kind)
            {
                data.Add((string)row["id"]!);
            }
        }

        return data;
    }
}
