namespace Hoop.Gateway.Approvals;

/// <summary>What happened to a decision: accepted, or refused with an HTTP status and a reason.</summary>
public sealed record ApprovalDecisionResult(int StatusCode, string Message)
{
    /// <summary>Whether the decision was delivered to the approval.</summary>
    public bool Accepted => StatusCode == 200;
}
