using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Approvals;

/// <summary>One Durable Task client for the whole process (the local worker's sidecar in <c>hoop serve</c>, tests).</summary>
internal sealed class FixedDurableClientSource(DurableTaskClient client) : IDurableClientSource
{
    public DurableTaskClient GetClient() => client;
}
