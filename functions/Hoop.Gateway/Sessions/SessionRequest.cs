namespace Hoop.Gateway.Sessions;

/// <summary>The body of <c>POST /sessions</c>.</summary>
public sealed record SessionRequest
{
    /// <summary>The connection the agent will use.</summary>
    public string? Connection { get; init; }

    /// <summary>The role to run under.</summary>
    public string? Role { get; init; }

    /// <summary>How long, as <c>30m</c>, <c>1h</c>, <c>1h30m</c>, <c>90s</c>; capped by the role's maxSession.</summary>
    public string? Ttl { get; init; }

    /// <summary>Why the session is needed (journaled).</summary>
    public string? Reason { get; init; }
}
