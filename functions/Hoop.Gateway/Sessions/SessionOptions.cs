using System.ComponentModel.DataAnnotations;

namespace Hoop.Gateway.Sessions;

/// <summary>Session bounds. Bound from <c>Hoop:Sessions</c> (<see cref="Hosting.SettingNames"/>), validated on start.</summary>
public sealed record SessionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Hoop:Sessions";

    /// <summary>
    /// How long a validated session is trusted before the store is read again, in seconds. This is the revocation bound:
    /// a session ended early (or expired) gets 401 on every instance, and its open watches and log streams end, within
    /// this many seconds. Default 15.
    /// </summary>
    [Range(1, 300)]
    public int ValidationCacheSeconds { get; init; } = 15;

    /// <summary>The session lifetime when a request names none (capped by the role's maxSession). Default 3600.</summary>
    [Range(60, 86400)]
    public int DefaultTtlSeconds { get; init; } = 3600;

    /// <summary>The bound as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan ValidationCache => TimeSpan.FromSeconds(ValidationCacheSeconds);
}
