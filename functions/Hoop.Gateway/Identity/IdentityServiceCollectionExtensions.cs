using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Identity;

/// <summary>Registers sign-in and sessions (called by <c>AddHoopGateway</c>).</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds sign-in (OIDC, SAML tickets, Easy Auth), sessions and the session-token authenticate stage. The secret store
    /// is Key Vault when <see cref="SettingNames.KeyVaultUri"/> is set (managed identity through DefaultAzureCredential);
    /// roles come from the policy (<see cref="IPolicySource"/>). Hosts may register their own <see cref="ISecretStore"/>, <see cref="ISessionRoleSource"/> or
    /// <see cref="ISessionAudit"/> first. Without a secret store or roles, every session start and token fails closed.
    /// </summary>
    public static IServiceCollection AddHoopIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<ISecretStore>(_ => configuration[SettingNames.KeyVaultUri] is { Length: > 0 } vault
            ? new KeyVaultSecretStore(new SecretClient(new Uri(vault), new DefaultAzureCredential()))
            : new UnavailableSecretStore());
        services.TryAddSingleton<ISessionKeySource>(sp => new SecretStoreSessionKeySource(sp.GetRequiredService<ISecretStore>()));
        services.TryAddSingleton<ISessionStore>(sp => new SecretStoreSessionStore(sp.GetRequiredService<ISecretStore>()));
        services.TryAddSingleton<ISessionAudit>(sp => new JournalSessionAudit(
            sp.GetRequiredService<IAuditJournal>(), sp.GetRequiredService<ILogger<JournalSessionAudit>>()));
        services.TryAddSingleton<ISessionRoleSource>(sp => new PolicySessionRoleSource(sp.GetRequiredService<IPolicySource>()));
        services.TryAddSingleton(_ => new GatewayAddress
        {
            BaseUrl = configuration[SettingNames.PublicBaseUrl] is { Length: > 0 } url ? new Uri(url) : null,
        });

        services.TryAddSingleton(sp => new SessionCache(
            sp.GetRequiredService<ISessionStore>(), sp.GetRequiredService<IOptions<SessionOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SessionEndWatcher(
            sp.GetRequiredService<SessionCache>(),
            sp.GetRequiredService<IOptions<SessionOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SessionEndWatcher>>()));
        services.TryAddSingleton<ISessionAuthenticator>(sp => new SessionTokenAuthenticator(
            sp.GetRequiredService<SessionCache>(),
            sp.GetRequiredService<ISessionKeySource>(),
            sp.GetRequiredService<SessionEndWatcher>(),
            sp.GetRequiredService<ISessionAudit>(),
            sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton(sp => new OidcIssuerRegistry(
            sp.GetRequiredService<IOptions<IdentityOptions>>(), new HttpClient(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new OidcTokenValidator(
            sp.GetRequiredService<OidcIssuerRegistry>(), sp.GetRequiredService<IOptions<IdentityOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SignInTickets(
            sp.GetRequiredService<ISessionKeySource>(), sp.GetRequiredService<IOptions<IdentityOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPersonAuthenticator>(sp => new PersonAuthenticator(
            sp.GetRequiredService<OidcTokenValidator>(),
            sp.GetRequiredService<SignInTickets>(),
            sp.GetRequiredService<OidcIssuerRegistry>(),
            sp.GetRequiredService<IOptions<IdentityOptions>>(),
            sp.GetRequiredService<ISessionAudit>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SessionService(
            sp.GetRequiredService<ISessionStore>(),
            sp.GetRequiredService<SessionCache>(),
            sp.GetRequiredService<ISessionKeySource>(),
            sp.GetRequiredService<ISessionRoleSource>(),
            sp.GetRequiredService<ISessionAudit>(),
            sp.GetRequiredService<IOptions<SessionOptions>>(),
            sp.GetRequiredService<IOptions<IdentityOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ISessionApprovalGate>()));
        services.TryAddSingleton(sp => new SamlIdentityProviderSource(
            sp.GetRequiredService<IOptions<IdentityOptions>>(), new HttpClient(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SamlResponseValidator(
            sp.GetRequiredService<IOptions<IdentityOptions>>(), new SamlReplayCache(sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SamlAcsEndpoint(
            sp.GetRequiredService<SamlIdentityProviderSource>(),
            sp.GetRequiredService<SamlResponseValidator>(),
            sp.GetRequiredService<SignInTickets>(),
            sp.GetRequiredService<GatewayAddress>(),
            sp.GetRequiredService<ISessionAudit>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SessionsEndpoint(
            sp.GetRequiredService<IPersonAuthenticator>(), sp.GetRequiredService<SessionService>(), sp.GetRequiredService<GatewayAddress>()));
        return services;
    }
}
