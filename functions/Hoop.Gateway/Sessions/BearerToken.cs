using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Sessions;

/// <summary>Reads the bearer token of a request.</summary>
public static class BearerToken
{
    /// <summary>The value after <c>Bearer </c> in <c>Authorization</c>, or <see langword="null"/> when there is none.</summary>
    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;
    }
}
