namespace Hoop.Gateway.Policy;

/// <summary>The outcome of loading a policy: the document (null when there are errors) and every problem found.</summary>
public sealed record PolicyLoadResult(PolicyDocument? Policy, IReadOnlyList<PolicyProblem> Problems)
{
    /// <summary>Whether any problem is an error (then <see cref="Policy"/> is <see langword="null"/>).</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == PolicyProblemSeverity.Error);
}
