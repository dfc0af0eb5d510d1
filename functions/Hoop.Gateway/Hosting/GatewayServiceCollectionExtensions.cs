using Hoop.Gateway.Approvals;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Upstream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Hoop.Gateway.Hosting;

/// <summary>Registers the gateway core. Both hosts call this once; stages not yet live are explicit pass-through seams.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline and its stages. Hosts may register their own stage implementations first
    /// (<see cref="ISessionAuthenticator"/>, <see cref="IUpstreamConnectionSource"/>, ...); these defaults fill the rest.
    /// </summary>
    public static IServiceCollection AddHoopGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpForwarder();

        // Stages. Defaults fail closed where a stage is not live: no session is valid, approval-required requests are refused.
        services.AddHoopIdentity(configuration);
        services.AddHoopPolicy(configuration);
        services.TryAddSingleton<IApprovalGate, UnavailableApprovalGate>();
        services.TryAddSingleton<IResponseMasker>(sp => new PolicyMasker(sp.GetRequiredService<IPolicySource>(), sp.GetService<ISecretStore>()));
        services.AddHoopJournal(configuration);
        services.TryAddSingleton<IUpstreamConnectionSource>(sp => new PolicyConnectionSource(
            sp.GetRequiredService<IPolicySource>(), sp.GetService<ISecretStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUpstreamRegistry, UpstreamRegistry>();
        services.TryAddSingleton(sp => new GatewayPipeline(
            sp.GetRequiredService<ISessionAuthenticator>(),
            sp.GetRequiredService<IPolicyDecider>(),
            sp.GetRequiredService<IApprovalGate>(),
            sp.GetRequiredService<IUpstreamRegistry>(),
            sp.GetRequiredService<IHttpForwarder>(),
            sp.GetRequiredService<IResponseMasker>(),
            sp.GetRequiredService<IAuditJournal>(),
            sp.GetRequiredService<IOptions<GatewayOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GatewayPipeline>>()));
        return services;
    }
}
