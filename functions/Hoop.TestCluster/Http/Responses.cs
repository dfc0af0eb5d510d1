using System.Text.Json;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Store;
using Hoop.TestCluster.Tables;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>Writes JSON responses: objects, lists and Tables from stored bytes, and Status objects.</summary>
internal static class Responses
{
    public const string JsonContentType = "application/json";

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> body, string contentType = JsonContentType)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    public static Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, string contentType = JsonContentType)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Json.WriterOptions))
        {
            write(writer);
        }

        return context.Response.BodyWriter.FlushAsync(context.RequestAborted).AsTask();
    }

    public static Task WriteStatusAsync(HttpContext context, ApiStatus status) =>
        WriteAsync(context, status.Code, writer => WriteStatus(writer, status));

    public static Task WriteTextAsync(HttpContext context, int statusCode, string text)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>Writes an object as JSON, or as a one-row Table when the client asked for one.</summary>
    public static Task WriteObjectAsync(HttpContext context, StoredObject obj, TimeProvider time, int statusCode = 200)
    {
        var format = ResponseFormat.FromAccept(context.Request.Headers.Accept);
        if (!format.IsTable)
        {
            return WriteJsonAsync(context, statusCode, obj.Utf8);
        }

        var table = new TableWriter(obj.Type, format.TableVersion!, context.Request.Query["includeObject"], time);
        return WriteAsync(context, statusCode, writer => table.Write(writer, [obj], obj.ResourceVersion, withHeaders: true), table.ContentType);
    }

    /// <summary>Writes a list (<c>PodList</c>...) from the stored bytes, or a Table of it.</summary>
    public static Task WriteListAsync(HttpContext context, ResourceType type, long resourceVersion, IReadOnlyList<StoredObject> items, TimeProvider time, string continueToken = "", long? remaining = null)
    {
        var format = ResponseFormat.FromAccept(context.Request.Headers.Accept);
        if (format.IsTable)
        {
            var table = new TableWriter(type, format.TableVersion!, context.Request.Query["includeObject"], time);
            return WriteAsync(context, 200, writer => table.Write(writer, items, resourceVersion, withHeaders: true, continueToken, remaining), table.ContentType);
        }

        return WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", type.ListKind);
            writer.WriteString("apiVersion", type.ApiVersion);
            WriteListMetadata(writer, resourceVersion, continueToken, remaining);
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item.Utf8, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static void WriteListMetadata(Utf8JsonWriter writer, long resourceVersion, string continueToken, long? remaining)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (continueToken.Length > 0)
        {
            writer.WriteString("continue", continueToken);
        }

        if (remaining is { } count)
        {
            writer.WriteNumber("remainingItemCount", count);
        }

        writer.WriteEndObject();
    }

    /// <summary>A failure Status, members in the order the apiserver writes them.</summary>
    public static void WriteStatus(Utf8JsonWriter writer, ApiStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "Status");
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("status", "Failure");
        writer.WriteString("message", status.Message);
        writer.WriteString("reason", status.Reason);
        if (status.HasDetails)
        {
            writer.WriteStartObject("details");
            WriteIfAny(writer, "name", status.Name);
            WriteIfAny(writer, "group", status.Group);
            WriteIfAny(writer, "kind", status.Kind);
            if (status.Causes.Count > 0)
            {
                writer.WriteStartArray("causes");
                foreach (var cause in status.Causes)
                {
                    writer.WriteStartObject();
                    writer.WriteString("reason", cause.Reason);
                    writer.WriteString("message", cause.Message);
                    writer.WriteString("field", cause.Field);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteNumber("code", status.Code);
        writer.WriteEndObject();
    }

    /// <summary>The Success Status a delete returns for objects the registry does not return (<c>NewStatus</c> in the generic registry).</summary>
    public static Task WriteDeletedStatusAsync(HttpContext context, StoredObject deleted) =>
        WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "Status");
            writer.WriteString("apiVersion", "v1");
            writer.WriteStartObject("metadata");
            writer.WriteEndObject();
            writer.WriteString("status", "Success");
            writer.WriteStartObject("details");
            writer.WriteString("name", deleted.Name);
            WriteIfAny(writer, "group", deleted.Type.Group);
            writer.WriteString("kind", deleted.Type.Plural);
            using var document = JsonDocument.Parse(deleted.Utf8);
            if (document.RootElement.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("uid", out var uid))
            {
                writer.WriteString("uid", uid.GetString());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private static void WriteIfAny(Utf8JsonWriter writer, string name, string value)
    {
        if (value.Length > 0)
        {
            writer.WriteString(name, value);
        }
    }
}
