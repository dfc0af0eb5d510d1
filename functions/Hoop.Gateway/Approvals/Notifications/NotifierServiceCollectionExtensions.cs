using Hoop.Gateway.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>Registers the approval notifiers whose settings are present (Teams webhook, SMTP server).</summary>
public static class NotifierServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TeamsApprovalNotifier"/> when <c>Hoop:Approvals:TeamsWebhookUrl</c> is set and
    /// <see cref="EmailApprovalNotifier"/> when <c>Hoop:Approvals:Smtp:Host</c> is; malformed settings fail here, at start.
    /// </summary>
    public static IServiceCollection AddHoopApprovalNotifiers(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = NotifierSettings.Read(configuration);
        services.TryAddSingleton(settings);
        services.TryAddSingleton<ApprovalMessageBuilder>();
        if (settings.TeamsWebhookUrl is not null)
        {
            services.AddSingleton<IApprovalNotifier, TeamsApprovalNotifier>();
        }

        if (settings.Smtp is not null)
        {
            services.AddSingleton<IApprovalNotifier>(sp => new EmailApprovalNotifier(
                sp.GetRequiredService<NotifierSettings>(),
                sp.GetRequiredService<ApprovalMessageBuilder>(),
                sp.GetRequiredService<IPolicySource>(),
                sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }
}
