using System.Text.RegularExpressions;
using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Tests.Policy;

public partial class PolicyLoaderTests
{
    public static TheoryData<string> CheckAssets() =>
        [.. Directory.GetFiles(PolicyAssets.Path_("check"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    /// <summary>
    /// Each asset under assets/policy/check marks the lines where problems are expected with a comment
    /// <c># expect: error|warning "fragment"</c>; the loader must report exactly those, on those lines.
    /// </summary>
    [Theory]
    [MemberData(nameof(CheckAssets))]
    public void Load_CheckAsset_ReportsExactlyTheMarkedProblems(string file)
    {
        var text = PolicyAssets.Read(Path.Combine("check", file));
        var expected = text.Split('\n')
            .Select((line, i) => (Line: i + 1, Match: Expect().Match(line)))
            .Where(e => e.Match.Success)
            .Select(e => (e.Line, Severity: e.Match.Groups[1].Value, Fragment: e.Match.Groups[2].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(expected);

        var result = PolicyLoader.Load(text, file);

        var actual = string.Join("\n", result.Problems.Select(p => p.Format(file)));
        Assert.True(expected.Count == result.Problems.Count, $"expected {expected.Count} problem(s), got:\n{actual}");
        foreach (var (line, severity, fragment) in expected)
        {
            Assert.True(
                result.Problems.Any(p =>
                    p.Line == line
                    && (p.Severity == PolicyProblemSeverity.Error ? "error" : "warning") == severity
                    && p.Message.Contains(fragment, StringComparison.Ordinal)),
                $"expected {severity} on line {line} containing \"{fragment}\", got:\n{actual}");
        }

        Assert.Equal(expected.Any(e => e.Severity == "error"), result.Policy is null);
    }

    [Fact]
    public void Load_MinimalPolicy_BindsModel()
    {
        var result = PolicyLoader.Load(PolicyAssets.Read("minimal.yaml"), "minimal.yaml");

        Assert.Empty(result.Problems);
        var policy = Assert.IsType<PolicyDocument>(result.Policy);
        var connection = policy.Connections["prod"];
        Assert.Equal(new Uri("https://prod.example.com:6443"), connection.Server);
        Assert.Equal("/etc/hoop/prod.kubeconfig", connection.Credential.KubeconfigFile);
        Assert.Equal("admin@prod", connection.Credential.Context);
        Assert.Equal(ConnectionIdentity.ServiceAccountToken, connection.Identity);
        Assert.True(policy.Connections["local"].Credential.InCluster);
        Assert.Equal(ConnectionIdentity.Impersonate, policy.Connections["local"].Identity);
        var role = policy.Roles["readonly"];
        Assert.Equal(TimeSpan.FromMinutes(90), role.MaxSession);
        Assert.Equal(["00000000-aaaa-bbbb-cccc-000000000001"], role.Groups);
        Assert.NotNull(role.SessionApproval);
        Assert.Equal(["leads"], role.SessionApprovers);
        Assert.Equal(TimeSpan.FromMinutes(10), role.SessionApprovalTimeout);
        var rule = Assert.Single(role.Rules, r => r.Id == "scale");
        Assert.Equal(DecisionAction.Approve, rule.Action);
        Assert.Equal(TimeSpan.FromMinutes(15), rule.Timeout);
        Assert.Equal(["leads"], rule.Approvers);
        Assert.Equal(DecisionAction.Allow, rule.DryRun);
        Assert.Equal(["*/scale"], rule.Resources);
        Assert.True(rule.Line > 1);
        Assert.NotNull(policy.Masking);
        Assert.NotNull(policy.Approvals);
        Assert.Equal(["auditors"], policy.Auditors.Groups);
    }

    [Fact]
    public void Load_InvalidYaml_ReportsPosition()
    {
        var result = PolicyLoader.Load("roles:\n  agent: [unclosed\n", "broken.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(PolicyProblemSeverity.Error, problem.Severity);
        Assert.StartsWith("invalid YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line >= 2);
        Assert.Null(result.Policy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("- a\n- b\n")]
    [InlineData("roles: {}\n---\nroles: {}\n")]
    public void Load_NotOneMapping_IsAnError(string yaml)
    {
        var result = PolicyLoader.Load(yaml, "x.yaml");

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Severity == PolicyProblemSeverity.Error);
    }

    [Fact]
    public void Load_PlainYesIsAString_NotABoolean()
    {
        // YAML 1.2 core schema: 'inCluster: yes' is the string "yes", which the schema refuses (only true is valid).
        var result = PolicyLoader.Load("connections:\n  c:\n    credential: { inCluster: yes }\nroles:\n  r:\n    groups: [g]\n    connections: [c]\n    maxSession: 1h\n    rules: []\n", "x.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("must be true", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemFormat_IsCompilerStyle()
    {
        var problem = new PolicyProblem(PolicyProblemSeverity.Warning, 12, 7, "roles.agent.rules[0]", "weaker than it reads");

        Assert.Equal("p.yaml:12:7: warning: weaker than it reads [roles.agent.rules[0]]", problem.Format("p.yaml"));
    }

    [GeneratedRegex("#\\s*expect:\\s*(error|warning)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Expect();
}
