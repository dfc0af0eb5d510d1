using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Policy;

/// <summary>Registers the policy feature: the hot-reloaded <see cref="IPolicySource"/> and the <see cref="IPolicyDecider"/>.</summary>
public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the policy: <c>Hoop:PolicyFile</c> (watched), else <c>Hoop:Policy</c> (inline YAML), else the shipped default
    /// policy. The policy is loaded when <see cref="IPolicySource"/> is first resolved and must have no errors.
    /// </summary>
    public static IServiceCollection AddHoopPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PolicySource(
            configuration,
            sp.GetRequiredService<ILogger<PolicySource>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPolicySource>(sp => sp.GetRequiredService<PolicySource>());
        services.TryAddSingleton(sp => new PolicyEvaluator(sp.GetRequiredService<IPolicySource>()));
        services.TryAddSingleton<IPolicyDecider>(sp => sp.GetRequiredService<PolicyEvaluator>());
        return services;
    }
}
