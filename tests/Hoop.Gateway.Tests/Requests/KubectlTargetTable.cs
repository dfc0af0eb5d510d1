using System.Text.Json.Nodes;

namespace Hoop.Gateway.Tests.Requests;

/// <summary>Request targets captured from a real kubectl (assets/requests/kubectl-1.33-targets.json).</summary>
internal static class KubectlTargetTable
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "requests", "kubectl-1.33-targets.json")))!["cases"]!.AsArray());

    public static JsonObject Row(string id) => Cases.Value.Select(node => node!.AsObject()).Single(row => (string)row["id"]! == id);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var row in Cases.Value)
        {
            data.Add((string)row!["id"]!);
        }

        return data;
    }
}
