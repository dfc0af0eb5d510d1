namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>One line of an approval message: a label the gateway wrote and a value that may come from the agent.</summary>
/// <param name="Label">The gateway's own words (never agent input).</param>
/// <param name="Value">The value, as the agent or the policy gave it (renderers make it inert).</param>
/// <param name="Warning">Shown loudly (privileged, host network, hostPath, ...).</param>
public sealed record ApprovalFact(string Label, string Value, bool Warning = false);
