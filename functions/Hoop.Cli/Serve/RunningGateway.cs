using Microsoft.AspNetCore.Builder;

namespace Hoop.Cli.Serve;

/// <summary>A started <c>hoop serve</c>: the web application, the demo environment beside it, and where its state is.</summary>
internal sealed class RunningGateway(WebApplication app, DemoEnvironment demo, Uri url, string stateDir, string kubeconfigPath) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public DemoEnvironment Demo { get; } = demo;

    /// <summary>The gateway's base URL, e.g. <c>https://127.0.0.1:8443/</c>.</summary>
    public Uri Url { get; } = url;

    public string StateDir { get; } = stateDir;

    /// <summary>The agent's kubeconfig (alice's demo session).</summary>
    public string KubeconfigPath { get; } = kubeconfigPath;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Demo.DisposeAsync();
    }
}
