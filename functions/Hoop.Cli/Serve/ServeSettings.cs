namespace Hoop.Cli.Serve;

/// <summary>The options of <c>hoop serve</c> (DESIGN.md §8).</summary>
internal sealed record ServeSettings
{
    public bool Demo { get; init; }

    public string? PolicyFile { get; init; }

    public int Port { get; init; } = 8443;

    public string StateDir { get; init; } = ".hoop";

    public string? Storage { get; init; }

    /// <summary>The simulated cluster's version (kubectl's dispatcher picks its client from it); the cluster's default when null.</summary>
    public string? DemoKubernetesVersion { get; init; } = Environment.GetEnvironmentVariable(DemoEnvironment.KubernetesVersionVariable);

    /// <summary>Extra configuration (app settings) for the gateway, e.g. stream bounds; tests shorten bounds with it.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Registrations applied before the gateway's own (which only fill what is missing). For benchmarks that isolate one
    /// stage's cost; never set by the command line.
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Another log destination beside the console (tests search the gateway's log lines for leaked secrets).</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? LoggerProvider { get; init; }
}
