using Hoop.Gateway.Masking;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Recording;

/// <summary>Registers the audit journal (called by <c>AddHoopGateway</c>).</summary>
public static class JournalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Table Storage journal when <c>Hoop:Journal</c> names a Table service, otherwise a journal that refuses
    /// every write (the gateway then answers 503 and forwards nothing). The chain key comes from the registered
    /// <see cref="ISecretStore"/>; hosts register one (Key Vault in Azure, the local store in the demo).
    /// </summary>
    public static IServiceCollection AddHoopJournal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JournalOptions>()
            .Bind(configuration.GetSection(JournalOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IJournalKeySource>(sp => new SecretStoreJournalKeySource(sp.GetService<ISecretStore>()));
        services.TryAddSingleton<IAuditorAuthenticator, DenyAllAuditorAuthenticator>();
        var options = configuration.GetSection(JournalOptions.SectionName).Get<JournalOptions>() ?? new JournalOptions();
        if (options.ConnectionString is { Length: > 0 } || options.TableServiceUri is not null)
        {
            services.TryAddSingleton(sp => JournalStore.Create(sp.GetRequiredService<IOptions<JournalOptions>>().Value));
            services.TryAddSingleton(sp => new JournalReader(sp.GetRequiredService<JournalStore>()));
            services.TryAddSingleton<IAnchorStore>(sp => AnchorStores.Create(sp.GetRequiredService<IOptions<JournalOptions>>().Value));
            services.TryAddSingleton(sp => new AnchorWriter(
                sp.GetRequiredService<JournalStore>(), sp.GetRequiredService<IJournalKeySource>(), sp.GetRequiredService<IAnchorStore>(), sp.GetRequiredService<TimeProvider>()));
        }

        services.TryAddSingleton<IAuditJournal>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JournalOptions>>();
            if (options.Value.ConnectionString is not { Length: > 0 } && options.Value.TableServiceUri is null)
            {
                return new UnavailableAuditJournal();
            }

            return new TableJournal(
                sp.GetRequiredService<JournalStore>(),
                sp.GetRequiredService<IJournalKeySource>(),
                sp.GetRequiredService<IResponseMasker>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TableJournal>>());
        });
        return services;
    }
}
