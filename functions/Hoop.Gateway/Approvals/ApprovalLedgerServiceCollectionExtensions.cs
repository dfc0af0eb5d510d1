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
        services.AddOptions<ApprovalLedgerOptions>()
            .Bind(configuration.GetSection(ApprovalLedgerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => TableApprovalLedger.Create(sp.GetRequiredService<IOptions<ApprovalLedgerOptions>>().Value));
        services.TryAddSingleton<IApprovalLedger>(sp => sp.GetRequiredService<TableApprovalLedger>());
        return services;
    }
}
