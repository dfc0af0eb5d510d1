using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Pipeline;

/// <summary>
/// Writes the gateway's own errors as Kubernetes <c>Status</c> objects, so kubectl prints
/// <c>Error from server (Reason): message</c> and client libraries parse them like any API server error.
/// </summary>
public static class KubernetesStatus
{
    /// <summary>The media type the API server uses for Status bodies.</summary>
    public const string ContentType = "application/json";

    /// <summary>Writes a failure Status with <paramref name="code"/>, <paramref name="reason"/> and <paramref name="message"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int code, string reason, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
        {
            // Too late for a Status: end the response so the client sees a broken stream, never partial data as success.
            context.Abort();
            return;
        }

        response.StatusCode = code;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(Serialize(code, reason, message), cancellationToken);
    }

    /// <summary>The Status object's JSON bytes (also used by tests and <c>hoop explain</c>).</summary>
    public static byte[] Serialize(int code, string reason, string message)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, code, reason, message);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the Status object to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, int code, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("kind", "Status");
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("status", "Failure");
        writer.WriteString("message", message);
        writer.WriteString("reason", reason);
        writer.WriteNumber("code", code);
        writer.WriteEndObject();
    }
}
