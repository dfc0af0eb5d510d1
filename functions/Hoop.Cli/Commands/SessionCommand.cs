using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hoop.Cli.Commands;

/// <summary>
/// <c>hoop session start --connection C --role R --ttl 30m --reason "..." [--out FILE]</c>, <c>hoop session end ID</c>,
/// <c>hoop session list [-o json]</c> (DESIGN.md §8). The person signs in with <c>--as USER</c> against a local demo, or
/// with <c>--token</c> / <c>HOOP_TOKEN</c> (an ID token of the configured identity provider). A role with
/// <c>sessionApproval</c> answers 202 until an approver decides: <c>start</c> says whose approval it waits for and exits 1,
/// or with <c>--wait</c> asks again every few seconds until the session starts or is refused.
/// </summary>
internal static class SessionCommand
{
    private static readonly TimeSpan WaitInterval = TimeSpan.FromSeconds(2);

    public static Command Create() => new("session", "Start, end and list agent sessions") { Start(), End(), List() };

    private static Command Start()
    {
        var connection = new Option<string>("--connection") { Description = "The connection the agent will use", Required = true };
        var role = new Option<string>("--role") { Description = "The role to run under", Required = true };
        var ttl = new Option<string?>("--ttl") { Description = "How long (30m, 1h, 1h30m); capped by the role's maxSession" };
        var reason = new Option<string>("--reason") { Description = "Why the session is needed (journaled)", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the agent's kubeconfig to FILE (owner-only) instead of stdout" };
        var format = new Option<string?>("-o", "--output") { Description = "json: print the whole answer as JSON" };
        var wait = new Option<bool>("--wait") { Description = "When the role needs a session approval, wait for the decision instead of exiting" };
        var person = new PersonOptions();
        var command = new Command("start", "Start a session and get the agent's kubeconfig") { connection, role, ttl, reason, output, format, wait };
        person.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = await person.ClientAsync(result, cancellationToken);
            var body = new { connection = result.GetValue(connection), role = result.GetValue(role), ttl = result.GetValue(ttl), reason = result.GetValue(reason) };
            JsonNode json;
            string? waitingFor = null;
            while (true)
            {
                using var response = await client.PostAsJsonAsync("/sessions", body, cancellationToken);
                json = await ReadAsync(response, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    break;
                }

                // The same POST joins the pending approval and, once approved, starts the session (once).
                var approval = (string?)json["approvalId"];
                if (approval != waitingFor)
                {
                    await Console.Error.WriteLineAsync("hoop: " + (string?)json["message"]);
                    waitingFor = approval;
                }

                if (!result.GetValue(wait))
                {
                    return CliApp.ProblemsFound;
                }

                await Task.Delay(WaitInterval, cancellationToken);
            }

            var kubeconfig = (string)json["kubeconfig"]!;
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, kubeconfig, cancellationToken);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(json.ToJsonString());
            }
            else if (result.GetValue(output) is null)
            {
                await Console.Out.WriteAsync(kubeconfig);
            }

            await Console.Error.WriteLineAsync(
                $"hoop: session {(string?)json["id"]} started: role {(string?)json["role"]} on {(string?)json["connection"]} until {Rfc3339(json["expiresAt"])}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command End()
    {
        var id = new Argument<string>("ID") { Description = "The session to end" };
        var person = new PersonOptions();
        var command = new Command("end", "End a session now (its token stops working within the validation bound)") { id };
        person.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = await person.ClientAsync(result, cancellationToken);
            using var response = await client.DeleteAsync("/sessions/" + Uri.EscapeDataString(result.GetValue(id)!), cancellationToken);
            var json = await ReadAsync(response, cancellationToken);
            await Console.Out.WriteLineAsync($"session {(string?)json["id"]} ended");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var format = new Option<string?>("-o", "--output") { Description = "json: print JSON instead of a table" };
        var person = new PersonOptions();
        var command = new Command("list", "List my sessions") { format };
        person.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = await person.ClientAsync(result, cancellationToken);
            using var response = await client.GetAsync("/sessions", cancellationToken);
            var json = await ReadAsync(response, cancellationToken);
            if (result.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(json.ToJsonString());
                return CliApp.Ok;
            }

            await Console.Out.WriteLineAsync($"{"ID",-26}{"ROLE",-16}{"CONNECTION",-16}{"EXPIRES",-22}STATE");
            foreach (var item in json["items"]!.AsArray())
            {
                await Console.Out.WriteLineAsync(
                    $"{(string?)item!["id"],-26}{(string?)item["role"],-16}{(string?)item["connection"],-16}{Rfc3339(item["expiresAt"]),-22}{(string?)item["state"]}");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static string Rfc3339(JsonNode? value)
        => DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            json = null;
        }

        if (!response.IsSuccessStatusCode || json is null)
        {
            var message = json?["message"]?.GetValue<string>() ?? text;
            throw new CliException($"the gateway refused ({(int)response.StatusCode}): {message}");
        }

        return json;
    }
}
