using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hoop.Cli.Commands;

/// <summary><c>hoop approvals list|approve ID|deny ID [--comment C] [--as USER]</c>: the approvers' side, over the gateway's JSON API.</summary>
internal static class ApprovalsCommand
{
    public static Command Create()
    {
        var stateDir = CommonOptions.StateDir();
        var gateway = new Option<string?>("--gateway") { Description = "The gateway URL (default: the one in --state-dir)" };
        var person = new Option<string?>("--as") { Description = "Act as this demo user (alice, bob, carol) of a local demo" };
        var output = new Option<string>("--output", "-o") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var list = new Command("list", "List approvals waiting for a decision") { stateDir, gateway, person, output };
        list.SetAction(async (result, cancellationToken) =>
        {
            using var http = await ClientAsync(result.GetValue(stateDir)!, result.GetValue(gateway), result.GetValue(person), cancellationToken);
            var json = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "approvals?state=pending"), cancellationToken);
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
        var approvals = new Command("approvals", "See and decide approvals") { list, Decide("approve", stateDir, gateway, person), Decide("deny", stateDir, gateway, person) };
        return approvals;
    }

    private static Command Decide(string verb, Option<string> stateDir, Option<string?> gateway, Option<string?> person)
    {
        var id = new Argument<string>("id") { Description = "The approval id" };
        var comment = new Option<string?>("--comment") { Description = "Why (journaled with the decision)" };
        var command = new Command(verb, $"{char.ToUpperInvariant(verb[0])}{verb[1..]} an approval") { id, comment, stateDir, gateway, person };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = await ClientAsync(result.GetValue(stateDir)!, result.GetValue(gateway), result.GetValue(person), cancellationToken);
            var request = new HttpRequestMessage(HttpMethod.Post, $"approvals/{Uri.EscapeDataString(result.GetValue(id)!)}/decision")
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

    private static async Task<HttpClient> ClientAsync(string stateDir, string? gateway, string? person, CancellationToken cancellationToken)
    {
        if (person is null)
        {
            throw new CliException("say who you are: --as USER against a local demo (signing in against Azure is not available yet)");
        }

        var tokenFile = Path.Combine(stateDir, "users", person + ".token");
        if (!File.Exists(tokenFile))
        {
            throw new CliException($"no demo user \"{person}\" under {stateDir} (run 'hoop serve --demo' first)");
        }

        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(stateDir, "gateway.json"), cancellationToken));
        var url = gateway ?? state.RootElement.GetProperty("url").GetString()!;
        byte[] trusted;
        using (var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(state.RootElement.GetProperty("caFile").GetString()!, cancellationToken)))
        {
            trusted = ca.RawData;
        }

        var handler = new HttpClientHandler
        {
            // Trust exactly the demo gateway's own certificate.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.RawData.AsSpan().SequenceEqual(trusted),
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim());
        return http;
    }
}
