namespace Hoop.Gateway.Sessions;

/// <summary>A refused sign-in or session token, as journaled (never the token or assertion itself).</summary>
public sealed record AccessRefusal
{
    /// <summary>Where it was presented: <c>/k8s/{connection}</c>, <c>/sessions</c>, <c>/saml/acs</c>.</summary>
    public required string Route { get; init; }

    /// <summary>The HTTP status the caller got (401 or 403).</summary>
    public required int StatusCode { get; init; }

    /// <summary>Why (the message the caller got).</summary>
    public required string Reason { get; init; }

    /// <summary>The session concerned, when the token named a real one.</summary>
    public string? SessionId { get; init; }

    /// <summary>The person concerned, when the sign-in was valid but not sufficient (e.g. no role).</summary>
    public string? User { get; init; }

    /// <summary>The caller's address.</summary>
    public string? RemoteAddress { get; init; }

    public required DateTimeOffset At { get; init; }
}
