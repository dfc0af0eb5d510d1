namespace Hoop.Gateway.Policy;

/// <summary>
/// The messages decisions carry. They are the full text the agent reads (kubectl prints them after
/// <c>Error from server (Forbidden):</c>), so each one names the rule and says what to do instead.
/// </summary>
internal static class DecisionText
{
    /// <summary>Rule id of the decision when no rule matches.</summary>
    public const string DefaultDenyRule = "default-deny";

    /// <summary>Rule id of the decision for a session whose role the policy does not define.</summary>
    public const string UnknownRoleRule = "unknown-role";

    /// <summary>Rule id of the decision for a session on a connection its role does not list.</summary>
    public const string ConnectionNotAllowedRule = "connection-not-allowed";

    private const string AskAPerson = "Ask a person with access to do this, or ask an administrator to change the policy.";

    public static Decision ForRule(PolicyRule rule, DecisionAction action, string role, bool dryRun)
    {
        var id = dryRun ? $"\"{rule.Id}\" (dry run)" : $"\"{rule.Id}\"";
        var message = action switch
        {
            DecisionAction.Allow => $"allowed by rule {id}",
            DecisionAction.Block => rule.Message is { } m ? $"blocked by rule {id}: {m}" : $"blocked by rule {id} of role \"{role}\". {AskAPerson}",
            _ => $"rule {id} requires approval by {string.Join(" or ", rule.Approvers ?? [])}" + (rule.Message is { } a ? $": {a}" : ""),
        };
        return new Decision { Action = action, Rule = rule.Id, Message = message };
    }

    public static Decision DefaultDeny(string role) => new()
    {
        Action = DecisionAction.Block,
        Rule = DefaultDenyRule,
        Message = $"blocked by rule \"{DefaultDenyRule}\": no rule of role \"{role}\" allows this request. {AskAPerson}",
    };

    public static Decision UnknownRole(string role) => new()
    {
        Action = DecisionAction.Block,
        Rule = UnknownRoleRule,
        Message = $"blocked by rule \"{UnknownRoleRule}\": the session's role \"{role}\" is not in the policy, so every request is blocked. "
            + "Start a new session, or ask an administrator to check the policy.",
    };

    public static Decision ConnectionNotAllowed(string role, string connection) => new()
    {
        Action = DecisionAction.Block,
        Rule = ConnectionNotAllowedRule,
        Message = $"blocked by rule \"{ConnectionNotAllowedRule}\": role \"{role}\" may not use connection \"{connection}\". "
            + "Start a session for a connection the role lists.",
    };

    public static Decision StreamCannotBeApproved(Decision approve) => new()
    {
        Action = DecisionAction.Block,
        Rule = approve.Rule,
        Message = $"blocked by rule \"{approve.Rule}\": it asks for approval, but the gateway never carries interactive streams "
            + "(exec, attach, port-forward), so they cannot be approved. Use 'kubectl logs' or 'kubectl get' to inspect, or ask a person to run the command.",
    };
}
