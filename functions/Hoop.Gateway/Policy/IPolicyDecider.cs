namespace Hoop.Gateway.Policy;

/// <summary>The decide stage: judges a classified request against the session's role.</summary>
public interface IPolicyDecider
{
    /// <summary>Decides what to do with <paramref name="request"/>. Must not throw for ordinary requests; a throw fails closed.</summary>
    ValueTask<Decision> DecideAsync(DecisionRequest request, CancellationToken cancellationToken = default);
}
