using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Writes an <see cref="AuditEvent"/> as one line of a Kubernetes <c>audit.k8s.io/v1</c> <c>Event</c> (level Metadata),
/// so tools that read kube-apiserver audit logs read the export as is. The gateway's own facts are annotations
/// (<c>hoop.dev/...</c>), beside <c>authorization.k8s.io/decision</c> and <c>/reason</c> as the API server writes them.
/// </summary>
internal static class KubernetesAuditEvent
{
    /// <summary>Writes the event and a newline to <paramref name="output"/> (a buffer: the caller writes it out asynchronously).</summary>
    public static void Write(IBufferWriter<byte> output, AuditEvent e)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("kind", "Event");
        json.WriteString("apiVersion", "audit.k8s.io/v1");
        json.WriteString("level", "Metadata");
        json.WriteString("auditID", e.AuditId);
        json.WriteString("stage", e.CompletedAt is null ? "RequestReceived" : "ResponseComplete");
        json.WriteString("requestURI", e.Target);
        json.WriteString("verb", e.Info.Verb);
        json.WriteStartObject("user");
        json.WriteString("username", e.User);
        json.WriteStartArray("groups");
        foreach (var group in e.Groups)
        {
            json.WriteStringValue(group);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        if (e.UserAgent.Length > 0)
        {
            json.WriteString("userAgent", e.UserAgent);
        }

        if (e.Info.IsResourceRequest)
        {
            json.WriteStartObject("objectRef");
            WriteIfSet(json, "resource", e.Info.Resource);
            WriteIfSet(json, "namespace", e.Info.Namespace);
            WriteIfSet(json, "name", e.Info.Name);
            WriteIfSet(json, "apiGroup", e.Info.ApiGroup);
            WriteIfSet(json, "apiVersion", e.Info.ApiVersion);
            WriteIfSet(json, "subresource", e.Info.Subresource);
            json.WriteEndObject();
        }

        if (e.Status is { } status)
        {
            json.WriteStartObject("responseStatus");
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteNumber("code", status);
            if (status >= 400)
            {
                json.WriteString("status", "Failure");
                WriteIfSet(json, "message", e.Error ?? "");
            }

            json.WriteEndObject();
        }

        json.WriteString("requestReceivedTimestamp", MicroTime(e.ReceivedAt));
        json.WriteString("stageTimestamp", MicroTime(e.CompletedAt ?? e.ReceivedAt));
        json.WriteStartObject("annotations");
        json.WriteString("authorization.k8s.io/decision", e.Decision == "block" ? "forbid" : "allow");
        WriteIfSet(json, "authorization.k8s.io/reason", e.Rule is null ? "" : $"hoop policy rule \"{e.Rule}\"");
        json.WriteString("hoop.dev/decision", e.Decision);
        WriteIfSet(json, "hoop.dev/rule", e.Rule ?? "");
        WriteIfSet(json, "hoop.dev/message", e.Message ?? "");
        json.WriteString("hoop.dev/session", e.SessionId);
        json.WriteString("hoop.dev/connection", e.Connection);
        if (e.Approvals.Count > 0)
        {
            json.WriteString("hoop.dev/approval", string.Join("; ", e.Approvals.Select(a =>
                $"{a.Step}{(a.Outcome is null ? "" : " " + a.Outcome)}{(a.Actor is null ? "" : " by " + a.Actor)} at {MicroTime(a.At)} ({a.ApprovalId})")));
        }

        if (e.Masked is { } masked)
        {
            json.WriteString("hoop.dev/masking", masked ? "masked" : "none");
        }

        if (e.DurationMicros is { } micros)
        {
            json.WriteString("hoop.dev/duration-ms", (micros / 1000.0).ToString("F3", CultureInfo.InvariantCulture));
        }

        if (e.Bytes is { } bytes)
        {
            json.WriteString("hoop.dev/response-bytes", bytes.ToString(CultureInfo.InvariantCulture));
        }

        WriteIfSet(json, "hoop.dev/body-note", e.BodyNote ?? "");
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    /// <summary>Kubernetes MicroTime: RFC 3339 with microseconds, UTC.</summary>
    public static string MicroTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteIfSet(Utf8JsonWriter json, string name, string value)
    {
        if (value.Length > 0)
        {
            json.WriteString(name, value);
        }
    }
}
