using Hoop.Gateway.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hoop.Cli.Serve;

/// <summary>A started <c>hoop serve</c>: the web application, the demo environment beside it, and where its state is.</summary>
internal sealed class RunningGateway(WebApplication app, DemoEnvironment demo, DemoJournal journal, Uri url, string stateDir, string kubeconfigPath) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public DemoEnvironment Demo { get; } = demo;

    /// <summary>The journal's storage (Azurite unless <c>--storage</c>).</summary>
    public DemoJournal Journal { get; } = journal;

    /// <summary>The gateway's base URL, e.g. <c>https://127.0.0.1:8443/</c>.</summary>
    public Uri Url { get; } = url;

    public string StateDir { get; } = stateDir;

    /// <summary>The demo's SMTP sink (null when the settings name another SMTP server).</summary>
    public DemoMail? Mail { get; init; }

    /// <summary>The agent's kubeconfig (alice's demo session).</summary>
    public string KubeconfigPath { get; } = kubeconfigPath;

    public async ValueTask DisposeAsync()
    {
        // End the demo session (its last record is the chain's head) and anchor the heads, while the journal is up.
        try
        {
            await App.Services.GetRequiredService<IAuditJournal>().RecordSessionEndedAsync(Demo.Session.Id, "gateway stopped");
            await App.Services.GetRequiredService<AnchorWriter>().WriteAsync();
        }
        catch (Exception ex)
        {
            App.Services.GetRequiredService<ILogger<RunningGateway>>().LogWarning(ex, "The demo session's end or anchor could not be journaled");
        }

        await App.StopAsync();
        await App.DisposeAsync();
        await Demo.DisposeAsync();
        await Journal.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }
}
