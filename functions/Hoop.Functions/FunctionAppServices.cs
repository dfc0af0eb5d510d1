using Hoop.Gateway.Approvals;
using Hoop.Gateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Functions;

/// <summary>The function app's registrations: the gateway core, and approvals when a durable ledger is configured. Program.cs and the wiring tests both call this.</summary>
internal static class FunctionAppServices
{
    public static IServiceCollection AddHoopFunctionApp(this IServiceCollection services, IConfiguration configuration)
    {
        // Approvals need a ledger every instance shares (consume once, pending cap): without one the gateway keeps
        // refusing approval-required requests (fail closed), never falls back to a ledger of one instance.
        if (ApprovalLedgerOptions.IsConfigured(configuration))
        {
            // The isolated worker hands a DurableTaskClient only to [DurableClient] parameters: the function sets it
            // for its invocation and the gate and desk read it there.
            services.AddSingleton<IDurableClientSource, AmbientDurableClient>();
            services.AddTransient(sp => new ApprovalDesk(sp.GetRequiredService<IDurableClientSource>().GetClient(), sp.GetRequiredService<TimeProvider>()));
            services.AddHoopTableApprovalLedger(configuration);
            services.AddHoopApprovals(configuration);
        }

        return services.AddHoopGateway(configuration);
    }
}
