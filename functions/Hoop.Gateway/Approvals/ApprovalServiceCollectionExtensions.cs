using Hoop.Gateway.Hosting;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Approvals;

/// <summary>Registers human approval: the durable gate, the desk and the ledger (needs a <c>DurableTaskClient</c> or an <see cref="IDurableClientSource"/> in services).</summary>
public static class ApprovalServiceCollectionExtensions
{
    /// <summary>Adds the approve stage backed by Durable Task; call before <c>AddHoopGateway</c>.</summary>
    public static IServiceCollection AddHoopApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hold = configuration.GetValue<int?>(SettingNames.ApprovalHoldSeconds);
        services.TryAddSingleton(Options.Create(new ApprovalOptions { HoldSeconds = hold ?? 60 }));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApprovalLedger, InMemoryApprovalLedger>();
        services.TryAddSingleton<ApprovalDesk>();
        services.TryAddSingleton<ApprovalLinks>();
        services.TryAddSingleton<ISessionValidity>(sp => new StoreSessionValidity(sp.GetRequiredService<ISessionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IApprovalGate>(DurableApprovalGate.Create));
        services.Replace(ServiceDescriptor.Singleton<ISessionApprovalGate>(DurableSessionApprovalGate.Create));
        return services;
    }
}
