using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hoop.Cli.Commands;

/// <summary>
/// <c>hoop approvals list|approve ID|deny ID [--comment C]</c>: the approvers' side, over the gateway's JSON API. The
/// approver signs in as for <c>hoop session</c>: <c>--as USER</c> against a local demo, or <c>--token</c> / <c>HOOP_TOKEN</c>.
/// </summary>
internal static class ApprovalsCommand
{
    public static Command Create()
    {
        var person = new PersonOptions();
        var output = new Option<string>("--output", "-o") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var list = new Command("list", "List approvals waiting for a decision") { output };
        person.AddTo(list);
        list.SetAction(async (result, cancellationToken) =>
        {
            using var http = await person.ClientAsync(result, cancellationToken);
            var json = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/approvals?state=pending"), cancellationToken);
            if (result.GetValue(output) == "json")
            {
                Console.Out.WriteLine(json.ToJsonString());
                return CliApp.Ok;
            }

            Console.Out.WriteLine($"{"ID",-24} {"REQUESTER",-20} {"RULE",-24} REQUEST");
            foreach (var a in json.AsArray())
            {
                Console.Out.WriteLine($"{a!["approvalId"],-24} {a["requester"],-20} {a["rule"],-24} {a["method"]} {a["target"]}");
            }

            return CliApp.Ok;
        });
        return new Command("approvals", "See and decide approvals") { list, Decide("approve", person), Decide("deny", person) };
    }

    private static Command Decide(string verb, PersonOptions person)
    {
        var id = new Argument<string>("id") { Description = "The approval id" };
        var comment = new Option<string?>("--comment") { Description = "Why (journaled with the decision)" };
        var command = new Command(verb, $"{char.ToUpperInvariant(verb[0])}{verb[1..]} an approval") { id, comment };
        person.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = await person.ClientAsync(result, cancellationToken);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/approvals/{Uri.EscapeDataString(result.GetValue(id)!)}/decision")
            {
                Content = JsonContent.Create(new { decision = verb, comment = result.GetValue(comment) }),
            };
            var json = await SendAsync(http, request, cancellationToken);
            Console.Out.WriteLine((string?)json["message"]);
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = JsonNode.Parse(text.Length == 0 ? "null" : text) ?? new JsonObject();
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException((string?)json["message"] ?? $"the gateway answered {(int)response.StatusCode}");
        }

        return json;
    }
}
