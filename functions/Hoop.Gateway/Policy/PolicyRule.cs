namespace Hoop.Gateway.Policy;

/// <summary>
/// One rule of a role, in Kubernetes RBAC vocabulary, with an action. A list that is absent (<see langword="null"/>)
/// does not restrict; a rule with <see cref="NonResourceURLs"/> matches only non-resource requests, and a rule with
/// any of <see cref="ApiGroups"/>, <see cref="Resources"/>, <see cref="ResourceNames"/> or <see cref="Namespaces"/>
/// matches only resource requests.
/// </summary>
/// <remarks>Matching follows RBAC exactly; see <see cref="CompiledRule"/> and docs/policy.md.</remarks>
public sealed record PolicyRule
{
    /// <summary>Unique (within the role) id, named in decisions and in the message the agent sees.</summary>
    public required string Id { get; init; }

    public IReadOnlyList<string>? Verbs { get; init; }

    public IReadOnlyList<string>? ApiGroups { get; init; }

    /// <summary>Resources as RBAC writes them: <c>pods</c>, <c>pods/exec</c>, <c>*/scale</c>, <c>*</c>.</summary>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>Object names; RBAC semantics, so never matched by create, deletecollection, or a list without a name.</summary>
    public IReadOnlyList<string>? ResourceNames { get; init; }

    /// <summary>Namespaces; a rule with namespaces never matches a cluster-scoped or all-namespaces request.</summary>
    public IReadOnlyList<string>? Namespaces { get; init; }

    /// <summary>Non-resource URLs: exact paths, or prefixes ending in <c>*</c> (<c>/debug/*</c>), or <c>*</c>.</summary>
    public IReadOnlyList<string>? NonResourceURLs { get; init; }

    /// <summary>Conditions on the request body: dotted field path → exact string value (all must hold).</summary>
    public IReadOnlyDictionary<string, string>? BodyMatches { get; init; }

    public required DecisionAction Action { get; init; }

    /// <summary>What the agent is told (block) or the approver is shown (approve), in the policy author's words.</summary>
    public string? Message { get; init; }

    /// <summary>Approver group names (approve only), as declared under the policy's <c>approvers</c>.</summary>
    public IReadOnlyList<string>? Approvers { get; init; }

    /// <summary>How long an approval may take before it expires (approve only).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The action for a dry-run request this rule matches, when it differs from <see cref="Action"/>.</summary>
    public DecisionAction? DryRun { get; init; }

    /// <summary>1-based line of the rule in its policy file.</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the rule in its policy file.</summary>
    public int Column { get; init; }
}
