namespace Hoop.Functions.Tests.Infra;

/// <summary>The templates compile and lint with zero diagnostics under a configuration that makes every rule an error.</summary>
[Collection(BicepCollection.Name)]
public sealed class BicepBuildTests(BicepCompilation compilation)
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutDiagnostics()
    {
        AssertClean(compilation.Build);
        Assert.True(compilation.Template.Resources.Count > 0, "bicep build produced no resources.");
    }

    [Fact]
    public void Lint_MainBicep_ReportsNothing()
    {
        AssertClean(compilation.Lint);
    }

    [Fact]
    public void BuildParams_ExampleParameters_CompileAgainstTheTemplate()
    {
        AssertClean(compilation.BuildParams);
        Assert.Contains("\"policyYaml\"", compilation.ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public void ExampleParameters_SecureParameters_ComeFromTheEnvironmentNotTheFile()
    {
        var secure = compilation.Template.Root.GetProperty("parameters").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("type", out var type) && type.GetString() == "securestring")
            .Select(p => p.Name)
            .ToList();
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.InfraBicep, "main.bicepparam"));

        Assert.NotEmpty(secure);
        foreach (var name in secure)
        {
            var assignment = Assert.Single(lines, l => l.StartsWith($"param {name} =", StringComparison.Ordinal));
            Assert.StartsWith($"param {name} = readEnvironmentVariable('HOOP_", assignment, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Lint_ProbeBreakingRules_FailsWithErrorsNotWarnings()
    {
        var probe = compilation.LintProbe;

        Assert.NotEqual(0, probe.ExitCode);
        Assert.Contains(probe.Diagnostics, d => d.Contains("Error no-unused-params", StringComparison.Ordinal));
        Assert.Contains(probe.Diagnostics, d => d.Contains("Error no-hardcoded-env-urls", StringComparison.Ordinal));
        Assert.DoesNotContain(probe.Diagnostics, d => d.Contains(": Warning ", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_AllOfThem_AreLocalFiles()
    {
        // CI reaches no module registry: br:/ts: references (the public registry included) cannot be restored.
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.InfraBicep, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        }
    }

    private static void AssertClean(BicepRun run)
    {
        Assert.True(
            run.ExitCode == 0 && run.Diagnostics.Count == 0,
            $"bicep {run.Command} exited {run.ExitCode} with:{Environment.NewLine}{string.Join(Environment.NewLine, run.Diagnostics)}");
    }
}
