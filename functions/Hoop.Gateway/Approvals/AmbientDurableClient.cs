using Microsoft.DurableTask.Client;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The Durable Task client of the current function invocation: the function that received it from its
/// <c>[DurableClient]</c> binding sets it with <see cref="Use"/> around the pipeline call, and the approve stage reads it
/// on the same async flow. Concurrent invocations each see their own.
/// </summary>
public sealed class AmbientDurableClient : IDurableClientSource
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    /// <summary>Makes <paramref name="client"/> the current client until the returned scope is disposed.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = client;
        return new Scope(previous);
    }

    /// <inheritdoc />
    public DurableTaskClient GetClient()
        => Current.Value ?? throw new InvalidOperationException("no Durable Task client is bound to this invocation ([DurableClient] missing on the function)");

    private sealed class Scope(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
