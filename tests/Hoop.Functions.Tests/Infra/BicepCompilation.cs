namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// Compiles infra-bicep once per test run, with the real bicep CLI, into a temporary directory: <c>bicep build</c>
/// of main.bicep (the ARM JSON every property test reads), <c>bicep build-params</c> of the example parameters,
/// <c>bicep lint</c> of main.bicep, and a lint of a deliberately bad probe file next to a copy of the repository's
/// bicepconfig.json (to prove the linter rules really are errors). The runs go in parallel (a few seconds each).
/// </summary>
public sealed class BicepCompilation : IAsyncLifetime
{
    private readonly string _outputDirectory =
        Path.Combine(Path.GetTempPath(), "hoop-bicep-" + Guid.NewGuid().ToString("N"));

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun BuildParams { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal BicepRun LintProbe { get; private set; } = null!;

    internal ArmTemplate Template { get; private set; } = null!;

    /// <summary>The compiled example parameters file (JSON), or empty when it did not compile.</summary>
    internal string ParametersJson { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_outputDirectory);
        var infra = RepositoryPaths.InfraBicep;
        var mainJson = Path.Combine(_outputDirectory, "main.json");
        var parametersJson = Path.Combine(_outputDirectory, "main.parameters.json");

        var probeDirectory = Path.Combine(_outputDirectory, "probe");
        Directory.CreateDirectory(probeDirectory);
        File.Copy(Path.Combine(infra, "bicepconfig.json"), Path.Combine(probeDirectory, "bicepconfig.json"));
        File.Copy(
            Path.Combine(AppContext.BaseDirectory, "assets", "infra", "lint-probe.bicep"),
            Path.Combine(probeDirectory, "lint-probe.bicep"));

        var build = BicepCli.RunAsync(infra, "build", "main.bicep", "--outfile", mainJson);
        var buildParams = BicepCli.RunAsync(infra, "build-params", "main.bicepparam", "--outfile", parametersJson);
        var lint = BicepCli.RunAsync(infra, "lint", "main.bicep");
        var lintProbe = BicepCli.RunAsync(probeDirectory, "lint", "lint-probe.bicep");

        Build = await build;
        BuildParams = await buildParams;
        Lint = await lint;
        LintProbe = await lintProbe;

        // A failed build leaves no JSON; the build test reports why, the property tests then fail on this.
        Template = ArmTemplate.Parse(File.Exists(mainJson) ? await File.ReadAllTextAsync(mainJson) : "{}");
        ParametersJson = File.Exists(parametersJson) ? await File.ReadAllTextAsync(parametersJson) : "";
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outputDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
