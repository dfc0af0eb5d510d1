using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
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
        services.AddHoopApprovalNotifiers(configuration);

        // The approval page: browser sign-in (Easy Auth, or the OIDC code flow configured here) and its sealed cookies.
        services.TryAddSingleton(_ => new ApprovalSignInSettings
        {
            Issuer = configuration[SettingNames.ApprovalSignInIssuer] is { Length: > 0 } issuer ? issuer : configuration[SettingNames.OidcIssuer],
            ClientId = configuration[SettingNames.ApprovalSignInClientId],
            ClientSecret = configuration[SettingNames.ApprovalSignInClientSecret],
        });
        services.TryAddSingleton(sp => new ApprovalPageProtector(sp.GetRequiredService<ISecretStore>()));
        services.TryAddSingleton(sp => new ApprovalSignIn(
            sp.GetRequiredService<ApprovalPageProtector>(),
            sp.GetRequiredService<ApprovalSignInSettings>(),
            sp.GetRequiredService<OidcIssuerRegistry>(),
            sp.GetRequiredService<OidcTokenValidator>(),
            sp.GetRequiredService<IPersonAuthenticator>(),
            sp.GetRequiredService<IOptions<IdentityOptions>>(),
            sp.GetRequiredService<GatewayAddress>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISessionValidity>(sp => new StoreSessionValidity(sp.GetRequiredService<ISessionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IApprovalGate>(DurableApprovalGate.Create));
        services.Replace(ServiceDescriptor.Singleton<ISessionApprovalGate>(DurableSessionApprovalGate.Create));
        return services;
    }
}
