namespace Hoop.Gateway.Policy;

/// <summary>One problem found in a policy file, with its place in the YAML (1-based line and column).</summary>
/// <param name="Severity">Error (the policy is refused) or warning.</param>
/// <param name="Line">1-based line of the YAML node the problem is about.</param>
/// <param name="Column">1-based column of that node.</param>
/// <param name="Path">Dotted path of the node, e.g. <c>roles.agent.rules[2].verbs[0]</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PolicyProblem(PolicyProblemSeverity Severity, int Line, int Column, string Path, string Message)
{
    /// <summary>The compiler-style form the CLI prints: <c>SOURCE:LINE:COL: error: message</c>.</summary>
    public string Format(string sourceName) =>
        $"{sourceName}:{Line}:{Column}: {(Severity == PolicyProblemSeverity.Error ? "error" : "warning")}: {Message} [{Path}]";
}
