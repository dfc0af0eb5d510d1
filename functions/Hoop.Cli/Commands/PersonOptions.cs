using System.CommandLine;
using System.Net.Http.Headers;
using Hoop.Cli.Serve;

namespace Hoop.Cli.Commands;

/// <summary>How a command reaches the gateway and signs the person in.</summary>
internal sealed class PersonOptions
{
    private readonly Option<string?> _gateway = new("--gateway") { Description = "Gateway URL (default: the one in --state-dir)" };
    private readonly Option<string> _stateDir = CommonOptions.StateDir();
    private readonly Option<string?> _as = new("--as") { Description = "Act as this demo user of a local gateway (alice, bob, carol)" };
    private readonly Option<string?> _token = new("--token") { Description = "Your identity provider token (default: $HOOP_TOKEN)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_gateway);
        command.Options.Add(_stateDir);
        command.Options.Add(_as);
        command.Options.Add(_token);
    }

    public async Task<HttpClient> ClientAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var stateDir = result.GetValue(_stateDir)!;
        var demo = result.GetValue(_as);
        LocalGateway? local = null;
        if (result.GetValue(_gateway) is null || demo is not null)
        {
            local = await LocalGateway.LoadAsync(stateDir, cancellationToken);
        }

        var url = result.GetValue(_gateway) is { } given ? new Uri(given) : local!.Url;
        var token = demo is not null
            ? await local!.DevTokenAsync(demo, cancellationToken)
            : result.GetValue(_token) ?? Environment.GetEnvironmentVariable("HOOP_TOKEN")
                ?? throw new CliException("sign in: pass --as USER (local demo), or --token TOKEN / HOOP_TOKEN (your identity provider's ID token)");
        var client = LocalGateway.Client(url, local?.Url == url ? local.CaFile : null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
