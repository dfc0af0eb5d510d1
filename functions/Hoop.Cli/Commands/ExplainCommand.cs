using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Policy;

namespace Hoop.Cli.Commands;

/// <summary>
/// <c>hoop explain --method M --url URL [--policy FILE] [--role R]</c> and <c>hoop explain --batch</c>: the API server's
/// reading of a request, the gateway's refusal if it would refuse it before policy, and the policy decision (DESIGN.md §8).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var method = new Option<string?>("--method") { Description = "HTTP method (GET, POST, ...)" };
        var url = new Option<string?>("--url") { Description = "Kubernetes path and query as the API server sees it, e.g. /api/v1/pods?watch=1" };
        var batch = new Option<bool>("--batch") { Description = "Read JSON lines {\"method\": ..., \"url\": ...} from stdin, write one result per line" };
        var policy = new Option<string?>("--policy") { Description = "Policy file (YAML); the built-in default policy when omitted" };
        var role = new Option<string?>("--role") { Description = "Role to judge the request for (default: \"agent\" if the policy has it, else its only role)" };
        var command = new Command("explain", "Show how the gateway reads and judges a request") { method, url, batch, policy, role };
        command.SetAction(async (result, cancellationToken) =>
        {
            var explainer = await CreateExplainerAsync(result.GetValue(policy), result.GetValue(role), cancellationToken);
            if (result.GetValue(batch))
            {
                return await RunBatchAsync(explainer, cancellationToken);
            }

            var m = result.GetValue(method) ?? throw new CliException("--method is required (or use --batch)");
            var u = result.GetValue(url) ?? throw new CliException("--url is required (or use --batch)");
            await Console.Out.WriteLineAsync(explainer.Explain(m, u).ToJsonString(RequestExplainer.Json));
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<RequestExplainer> CreateExplainerAsync(string? policyFile, string? role, CancellationToken cancellationToken)
    {
        var document = DefaultPolicy.Document;
        if (policyFile is not null)
        {
            var loaded = await PolicyLoader.LoadFileAsync(policyFile, cancellationToken);
            document = loaded.Policy ?? throw new CliException(
                $"{policyFile} has errors; run 'hoop policy check {policyFile}':{Environment.NewLine}" +
                string.Join(Environment.NewLine, loaded.Problems.Select(p => p.Format(policyFile))));
        }

        role ??= document.Roles.ContainsKey("agent") ? "agent" : document.Roles.Count == 1 ? document.Roles.Keys.Single()
            : throw new CliException("the policy has several roles: choose one with --role");
        if (!document.Roles.ContainsKey(role))
        {
            throw new CliException($"the policy has no role \"{role}\" (roles: {string.Join(", ", document.Roles.Keys)})");
        }

        return new RequestExplainer(PolicyEvaluator.ForDocument(document), role);
    }

    private static async Task<int> RunBatchAsync(RequestExplainer explainer, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? m;
            string? u;
            try
            {
                var item = JsonNode.Parse(line);
                m = item?["method"]?.GetValue<string>();
                u = item?["url"]?.GetValue<string>();
            }
            catch (JsonException ex)
            {
                throw new CliException($"stdin line {lineNumber}: not JSON ({ex.Message})");
            }
            catch (InvalidOperationException)
            {
                throw new CliException($"stdin line {lineNumber}: \"method\" and \"url\" must be strings");
            }

            if (m is null || u is null)
            {
                throw new CliException($"stdin line {lineNumber}: expected {{\"method\": ..., \"url\": ...}}");
            }

            await Console.Out.WriteLineAsync(explainer.Explain(m, u).ToJsonString(RequestExplainer.Json));
        }

        return CliApp.Ok;
    }
}
