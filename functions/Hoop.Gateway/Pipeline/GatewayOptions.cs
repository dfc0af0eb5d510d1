using System.ComponentModel.DataAnnotations;

namespace Hoop.Gateway.Pipeline;

/// <summary>Bounds of the request pipeline. Bound from configuration (<see cref="Hosting.SettingNames"/>), validated on start.</summary>
public sealed record GatewayOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Hoop:Gateway";

    /// <summary>
    /// Upper bound for a watch's <c>timeoutSeconds</c>. Azure Functions cuts an HTTP response at about 230 s; a watch that
    /// the API server ends itself before that ends cleanly, and kubectl or a reflector re-establishes it. Default 210.
    /// </summary>
    [Range(1, 3600)]
    public int WatchMaxSeconds { get; init; } = 210;

    /// <summary>Upper bound for a followed log stream (<c>logs -f</c>); the gateway ends it cleanly at the bound. Default 210.</summary>
    [Range(1, 3600)]
    public int LogFollowMaxSeconds { get; init; } = 210;

    /// <summary>Largest request body the gateway buffers before deciding (the API server's own limit is 3 MiB). Default 4 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;
}
