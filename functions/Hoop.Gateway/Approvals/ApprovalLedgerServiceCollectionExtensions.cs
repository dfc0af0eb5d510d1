using Hoop.Gateway.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Approvals;

/// <summary>Registers the durable approval ledger (Table Storage), for hosts with more than one instance.</summary>
public static class ApprovalLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TableApprovalLedger"/> as the <see cref="IApprovalLedger"/> from section
    /// <see cref="ApprovalLedgerOptions.SectionName"/>; call before <c>AddHoopApprovals</c>, which otherwise registers
    /// the in-memory ledger of a single process.
    /// </summary>
    public static IServiceCollection AddHoopTableApprovalLedger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The ledger replaces and purges rows: it must never be pointed at one of the journal's insert-only tables.
        var journalPrefix = configuration.GetSection(JournalOptions.SectionName).Get<JournalOptions>()?.TablePrefix ?? new JournalOptions().TablePrefix;
        services.AddOptions<ApprovalLedgerOptions>()
            .Bind(configuration.GetSection(ApprovalLedgerOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => !o.TableName.StartsWith(journalPrefix, StringComparison.OrdinalIgnoreCase), $"the approval ledger's table must not be named like the journal's tables ({journalPrefix}...)")
            .ValidateOnStart();
        services.TryAddSingleton(sp => TableApprovalLedger.Create(sp.GetRequiredService<IOptions<ApprovalLedgerOptions>>().Value));
        services.TryAddSingleton<IApprovalLedger>(sp => sp.GetRequiredService<TableApprovalLedger>());
        return services;
    }
}
