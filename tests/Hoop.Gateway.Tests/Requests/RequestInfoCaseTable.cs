using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.Requests;

/// <summary>A table of request-classification cases loaded from assets/requestinfo/*.json (one case per row, by id).</summary>
internal sealed class RequestInfoCaseTable
{
    private static readonly ConcurrentDictionary<string, RequestInfoCaseTable> Tables = new(StringComparer.Ordinal);

    private RequestInfoCaseTable(JsonObject source, IReadOnlyList<JsonObject> rows)
    {
        Source = source;
        Rows = rows;
        ById = rows.ToDictionary(row => (string)row["id"]!, StringComparer.Ordinal);
    }

    public JsonObject Source { get; }

    public IReadOnlyList<JsonObject> Rows { get; }

    public IReadOnlyDictionary<string, JsonObject> ById { get; }

    public static RequestInfoCaseTable Load(string fileName) => Tables.GetOrAdd(fileName, static name =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "assets", "requestinfo", name);
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var rows = document["cases"]!.AsArray().Select(node => node!.AsObject()).ToList();
        return new RequestInfoCaseTable(document["source"]!.AsObject(), rows);
    });

    public static TheoryData<string> Ids(string fileName)
    {
        var data = new TheoryData<string>();
        foreach (var row in Load(fileName).Rows)
        {
            data.Add((string)row["id"]!);
        }

        return data;
    }
}
