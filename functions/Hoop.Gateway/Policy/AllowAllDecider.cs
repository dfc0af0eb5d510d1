namespace Hoop.Gateway.Policy;

/// <summary>The decide stage before the policy engine lands: allows everything (no rule).</summary>
internal sealed class AllowAllDecider : IPolicyDecider
{
    private static readonly Decision Allowed = new() { Action = DecisionAction.Allow };

    public ValueTask<Decision> DecideAsync(DecisionRequest request, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Allowed);
}
