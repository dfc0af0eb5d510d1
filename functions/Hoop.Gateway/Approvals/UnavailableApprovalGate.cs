using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The approve stage until human approval lands: a request that needs approval is refused (fail closed),
/// with a message telling the agent to ask a person.
/// </summary>
internal sealed class UnavailableApprovalGate : IApprovalGate
{
    public ValueTask<GatewayRefusal?> AwaitApprovalAsync(DecisionRequest request, Decision decision, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<GatewayRefusal?>(GatewayRefusal.Forbidden(
            $"{decision.Message ?? "this request requires a person's approval"}; approvals are not enabled on this gateway, so ask a person to run it"));
}
