using System.Collections.Frozen;

namespace Hoop.Gateway.Policy;

/// <summary>
/// Request headers that ask some servers and proxies to treat a request as another HTTP method. The API server ignores
/// them, but anything between the gateway and the API server might not, and then a request judged as a GET could run
/// as a DELETE. The pipeline refuses (400) any request that carries one, before the decide stage.
/// </summary>
public static class MethodOverrideHeaders
{
    /// <summary>The header names, compared without regard to case.</summary>
    public static FrozenSet<string> Names { get; } = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "X-HTTP-Method-Override",
        "X-HTTP-Method",
        "X-Method-Override",
        "X-Original-Method");

    /// <summary>Whether <paramref name="headerNames"/> holds any method-override header.</summary>
    public static bool AnyIn(IEnumerable<string> headerNames)
    {
        ArgumentNullException.ThrowIfNull(headerNames);
        return headerNames.Any(Names.Contains);
    }
}
