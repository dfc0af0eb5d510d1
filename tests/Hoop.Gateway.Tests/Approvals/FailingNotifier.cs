using Hoop.Gateway.Approvals;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>A channel that is down: every notification throws (the approval must survive it).</summary>
internal sealed class FailingNotifier : IApprovalNotifier
{
    public string Channel => "teams";

    public Task NotifyAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
        => throw new HttpRequestException("webhook unreachable");
}
