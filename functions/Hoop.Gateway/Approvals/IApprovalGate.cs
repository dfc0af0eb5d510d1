using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Approvals;

/// <summary>The approve stage: for a request the policy holds for approval, wait for a person's decision.</summary>
public interface IApprovalGate
{
    /// <summary>
    /// Returns <see langword="null"/> when the request may be forwarded, or the refusal to answer with
    /// (pending, denied, expired). A throw fails closed.
    /// </summary>
    ValueTask<GatewayRefusal?> AwaitApprovalAsync(DecisionRequest request, Decision decision, CancellationToken cancellationToken = default);
}
