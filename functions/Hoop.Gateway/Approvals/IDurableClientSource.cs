using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Where the approve stage gets its Durable Task client: one client for the process (<c>hoop serve</c>), or the one the
/// Functions host bound to the current invocation (<see cref="AmbientDurableClient"/>), since the isolated worker hands
/// a <c>DurableTaskClient</c> only to functions that declare <c>[DurableClient]</c>, never to the service container.
/// </summary>
public interface IDurableClientSource
{
    /// <summary>The client for the current request; throws when there is none (the pipeline then fails closed).</summary>
    DurableTaskClient GetClient();
}
