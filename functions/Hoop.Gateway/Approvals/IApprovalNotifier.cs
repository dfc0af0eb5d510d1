namespace Hoop.Gateway.Approvals;

/// <summary>Tells approvers that an approval waits for them (e-mail, Teams). Called from an activity only.</summary>
public interface IApprovalNotifier
{
    /// <summary>The channel name journaled as the actor of the <c>notified</c> step.</summary>
    string Channel { get; }

    /// <summary>Sends the notification; throws when it could not be delivered.</summary>
    Task NotifyAsync(ApprovalRequest request, CancellationToken cancellationToken = default);
}
