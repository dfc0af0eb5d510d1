using System.Net;
using System.Text.Json;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Hoop.Cli.Serve;

/// <summary>
/// <c>hoop serve</c>: Kestrel over HTTPS (a self-signed certificate made on first run, trusted through the kubeconfig's CA
/// data) around the same core pipeline the Azure Functions app uses. Adapts HTTP and DI only.
/// </summary>
internal static class ServeHost
{
    /// <summary>Runs until Ctrl-C: prints <c>ready URL</c> on stdout once serving.</summary>
    public static async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        await using var gateway = await StartAsync(settings, cancellationToken);
        await Console.Out.WriteLineAsync($"ready {gateway.Url.ToString().TrimEnd('/')}");
        await Console.Out.FlushAsync(cancellationToken);
        await Console.Error.WriteLineAsync(
            $"hoop: demo gateway for alice's agent (session {gateway.Demo.Session.Id}). Try: kubectl --kubeconfig {gateway.KubeconfigPath} get pods -A");
        if (gateway.Mail is not null)
        {
            await Console.Error.WriteLineAsync($"hoop: approval e-mail for bob@example.test is delivered to the demo inbox: {gateway.Mail.InboxUrl}");
        }
        await gateway.App.WaitForShutdownAsync(cancellationToken);
        return CliApp.Ok;
    }

    /// <summary>Starts the gateway (and, with <c>--demo</c>, the simulated cluster) and writes the state files.</summary>
    public static async Task<RunningGateway> StartAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Demo)
        {
            throw new CliException("only 'hoop serve --demo' is available locally (in Azure, the function app serves)");
        }

        var stateDir = Path.GetFullPath(settings.StateDir);
        Directory.CreateDirectory(stateDir);
        var time = TimeProvider.System;
        var certificate = DevCertificate.LoadOrCreate(
            Path.Combine(stateDir, "gateway.crt"), Path.Combine(stateDir, "gateway.key"), "hoop-gateway", TimeSpan.FromDays(365), time);

        // The simulated cluster insists on Impersonate-User exactly when the policy's demo connection impersonates.
        var policy = settings.PolicyFile is null ? DefaultPolicy.Document : (await PolicyLoader.LoadFileAsync(Path.GetFullPath(settings.PolicyFile), cancellationToken)).Policy;
        var impersonate = policy?.Connections.TryGetValue(DemoEnvironment.Connection, out var connection) == true && connection.Identity == ConnectionIdentity.Impersonate;
        var demo = await DemoEnvironment.StartAsync(stateDir, settings.DemoKubernetesVersion, impersonate, time, cancellationToken);
        DemoJournal? journal = null;
        DemoMail? mail = null;
        try
        {
            journal = await DemoJournal.StartAsync(stateDir, settings.Storage, cancellationToken);
            mail = await DemoMail.StartAsync(stateDir, settings.Configuration, cancellationToken);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.AddFilter("Yarp", LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Configuration.AddInMemoryCollection(journal.Configuration);
            if (mail is not null)
            {
                builder.Configuration.AddInMemoryCollection(mail.Configuration);
            }

            builder.Configuration.AddInMemoryCollection(settings.Configuration);
            if (settings.PolicyFile is not null)
            {
                builder.Configuration[SettingNames.PolicyFile] = Path.GetFullPath(settings.PolicyFile);
            }

            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port, listen => listen.UseHttps(certificate)));
            builder.Services.AddSingleton(time);
            if (settings.LoggerProvider is not null)
            {
                builder.Logging.AddProvider(settings.LoggerProvider);
            }

            builder.Services.AddSingleton<ISecretStore>(demo.Secrets);
            builder.Services.AddSingleton<IAuditorAuthenticator>(new StaticTokenAuditorAuthenticator(demo.AuditorToken, DemoEnvironment.Auditor));
            builder.Services.AddHostedService<DailyAnchorService>();

            // Approvals run on the local Durable Task worker with the in-process sidecar (preview; state in memory).
            WebApplication? built = null;

            // stdout carries only the ready line; the sidecar's host ignores its LoggerFactory option and reads logging
            // settings from the environment (this process only), so its console logs go to stderr like ours.
            Environment.SetEnvironmentVariable("Logging__Console__LogToStandardErrorThreshold", "Trace");
            Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft", "Warning");
            // The sidecar picks a random port in 30000-40000 without checking it is free; give it a free one, and try again
            // if another process takes it first.
            DurableTaskTestHost? approvals = null;
            for (var attempt = 1; approvals is null; attempt++)
            {
                try
                {
                    approvals = await DurableTaskTestHost.StartAsync(
                        ApprovalTasks.Register,
                        new DurableTaskTestHostOptions
                        {
                            Port = NodeTool.FreePort(),
                            ConfigureServices = worker =>
                            {
                                // Activities run after the app is built; they journal into the app's journal.
                                worker.AddSingleton(_ => built!.Services.GetRequiredService<IAuditJournal>());
                                worker.AddSingleton(_ => built!.Services.GetRequiredService<IApprovalLedger>());
                                worker.AddSingleton(_ => built!.Services.GetServices<IApprovalNotifier>());
                                worker.AddSingleton(time);
                            },
                        },
                        cancellationToken);
                }
                catch (IOException ex) when (attempt < 3 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
                {
                }
            }

            // Registered by factory so that the container disposes the worker and sidecar when the app stops.
            builder.Services.AddSingleton(_ => approvals);
            builder.Services.AddSingleton(approvals.Client);
            builder.Services.AddHoopApprovals(builder.Configuration);
            builder.Services.AddSingleton<IApprovalNotifier, LogApprovalNotifier>();
            settings.ConfigureServices?.Invoke(builder.Services);
            builder.Services.AddHoopGateway(builder.Configuration);

            var app = builder.Build();
            built = app;
            app.UseHoopGateway();
            demo.Identity.Map(app);
            await app.StartAsync(cancellationToken);

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var url = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority));
            var gatewayAddress = app.Services.GetRequiredService<GatewayAddress>();
            gatewayAddress.BaseUrl = url;
            gatewayAddress.CertificateAuthorityPem = certificate.ExportCertificatePem();

            // The dev issuer is trusted like any OIDC issuer: discovery and keys are read over HTTPS from this very host.
            app.Services.GetRequiredService<OidcIssuerRegistry>().Add(demo.Identity.At(url).Options, TrustingClient(certificate.RawData));

            // Approvers sign in on the approval page through the dev issuer's browser flow (client id = its audience).
            var pageSignIn = app.Services.GetRequiredService<ApprovalSignInSettings>();
            pageSignIn.Issuer = demo.Identity.Issuer;
            pageSignIn.ClientId = DevIdentityProvider.Audience;

            var kubeconfigPath = Path.Combine(stateDir, "agent.kubeconfig");
            var agent = new DemoAgentSession(
                demo, app.Services.GetRequiredService<OidcTokenValidator>(), app.Services.GetRequiredService<SessionService>(), gatewayAddress, kubeconfigPath, time);
            await agent.StartAsync(cancellationToken);
            _ = agent.RenewAsync(app.Lifetime.ApplicationStopping);
            await WriteStateAsync(stateDir, url, demo, cancellationToken);
            return new RunningGateway(app, demo, journal, url, stateDir, kubeconfigPath) { Mail = mail };
        }
        catch
        {
            if (mail is not null)
            {
                await mail.DisposeAsync();
            }

            if (journal is not null)
            {
                await journal.DisposeAsync();
            }

            await demo.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client that trusts exactly <paramref name="certificate"/> (the gateway's own, self-signed).</summary>
    internal static HttpClient TrustingClient(byte[] certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate);
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task WriteStateAsync(string stateDir, Uri url, DemoEnvironment demo, CancellationToken cancellationToken)
    {
        var auditorToken = Path.Combine(stateDir, "auditor.token");
        await File.WriteAllTextAsync(auditorToken, demo.AuditorToken, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(auditorToken, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var gateway = JsonSerializer.Serialize(new { url = url.ToString().TrimEnd('/'), caFile = Path.Combine(stateDir, "gateway.crt") });
        await File.WriteAllTextAsync(Path.Combine(stateDir, "gateway.json"), gateway, cancellationToken);
    }
}
