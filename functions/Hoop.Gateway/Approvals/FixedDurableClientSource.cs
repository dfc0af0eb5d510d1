using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Gateway.Approvals;

/// <summary>One Durable Task client for the whole process (the local worker's sidecar in <c>hoop serve</c>, tests).</summary>
internal sealed class FixedDurableClientSource(DurableTaskClient client) : IDurableClientSource
{
    public DurableTaskClient GetClient() => client;

    /// <summary>The registered client source (the function app's per invocation), else the process's one client.</summary>
    public static IDurableClientSource Registered(IServiceProvider services)
        => services.GetService<IDurableClientSource>() ?? new FixedDurableClientSource(services.GetRequiredService<DurableTaskClient>());
}
