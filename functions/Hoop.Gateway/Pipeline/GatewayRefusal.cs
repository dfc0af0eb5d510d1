using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Pipeline;

/// <summary>A refusal the gateway answers itself, as a Kubernetes Status (code, reason, message).</summary>
public sealed record GatewayRefusal(int Code, string Reason, string Message)
{
    public static GatewayRefusal BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static GatewayRefusal Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static GatewayRefusal Forbidden(string message) => new(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static GatewayRefusal NotFound(string message) => new(StatusCodes.Status404NotFound, "NotFound", message);

    public static GatewayRefusal MethodNotAllowed(string message) => new(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", message);

    public static GatewayRefusal TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge", message);

    public static GatewayRefusal UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", message);

    public static GatewayRefusal BadGateway(string message) => new(StatusCodes.Status502BadGateway, "BadGateway", message);

    public static GatewayRefusal Unavailable(string message) => new(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", message);

    public static GatewayRefusal Timeout(string message) => new(StatusCodes.Status504GatewayTimeout, "Timeout", message);

    /// <summary>Writes this refusal as a Status response.</summary>
    public Task WriteAsync(HttpContext context, CancellationToken cancellationToken = default)
        => KubernetesStatus.WriteAsync(context, Code, Reason, Message, cancellationToken);
}
