using System.Runtime.CompilerServices;
using System.Text.Json;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Joins journal records into per-request events, streaming: a session's records are read in order and each request is
/// emitted when its response record arrives (or, without one, when the session's records end). Memory is bounded by one
/// session's requests in flight (and, with bodies, their bodies).
/// </summary>
internal static class AuditEventAssembler
{
    /// <summary>Events (requests as <see cref="AuditEvent"/>, session starts and ends as <see cref="SessionEvent"/>) in journal order.</summary>
    public static async IAsyncEnumerable<object> AssembleAsync(IAsyncEnumerable<JournalEntry> entries, bool withBodies, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? partition = null;
        var groups = (IReadOnlyList<string>)[];
        var pending = new Dictionary<string, AuditEvent>(StringComparer.Ordinal);
        var approvals = new Dictionary<string, List<ApprovalRecord>>(StringComparer.Ordinal);
        var bodies = new Dictionary<string, MemoryStream>(StringComparer.Ordinal);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (entry.SessionId != partition)
            {
                foreach (var open in pending.Values)
                {
                    yield return open;
                }

                pending.Clear();
                approvals.Clear();
                bodies.Clear();
                groups = [];
                partition = entry.SessionId;
            }

            var auditId = entry.Text(JournalProperty.AuditId) ?? "";
            switch (entry.Kind)
            {
                case JournalRecordKind.SessionStarted:
                    groups = ParseGroups(entry.Text(JournalProperty.Groups));
                    yield return new SessionEvent(entry.SessionId, entry.Kind, entry.Time ?? default, entry.Text(JournalProperty.User) ?? "",
                        $"role {entry.Text(JournalProperty.Role)}, connection {entry.Text(JournalProperty.Connection)}, expires {entry.Text(JournalProperty.ExpiresAt)}");
                    break;
                case JournalRecordKind.SessionEnded:
                    yield return new SessionEvent(entry.SessionId, entry.Kind, entry.Time ?? default, "", entry.Text(JournalProperty.Reason) ?? "");
                    break;
                case JournalRecordKind.RequestBody or JournalRecordKind.ResponseBody when withBodies:
                    var key = entry.Kind + "/" + auditId;
                    if (!bodies.TryGetValue(key, out var body))
                    {
                        bodies[key] = body = new MemoryStream();
                    }

                    body.Write(entry.Data);
                    break;
                case JournalRecordKind.Approval:
                    var step = new ApprovalRecord
                    {
                        SessionId = entry.SessionId,
                        AuditId = auditId,
                        ApprovalId = entry.Text(JournalProperty.ApprovalId) ?? "",
                        Step = entry.Text(JournalProperty.Step) ?? "",
                        Actor = entry.Text(JournalProperty.Actor),
                        Outcome = entry.Text(JournalProperty.Outcome),
                        Comment = entry.Text(JournalProperty.Comment),
                        At = JournalTime.TryParse(entry.Text(JournalProperty.At), out var at) ? at : entry.Time ?? default,
                    };
                    if (pending.TryGetValue(auditId, out var waiting))
                    {
                        waiting.Approvals.Add(step);
                    }
                    else
                    {
                        if (!approvals.TryGetValue(auditId, out var steps))
                        {
                            approvals[auditId] = steps = [];
                        }

                        steps.Add(step);
                    }

                    break;
                case JournalRecordKind.Request:
                    var request = ToEvent(entry, groups);
                    if (approvals.Remove(auditId, out var earlier))
                    {
                        request.Approvals.AddRange(earlier);
                    }

                    if (withBodies && bodies.Remove(JournalRecordKind.RequestBody + "/" + auditId, out var requestBody))
                    {
                        request.RequestBody = requestBody.ToArray();
                    }

                    pending[auditId] = request;
                    break;
                case JournalRecordKind.Response:
                    if (!pending.Remove(auditId, out var answered))
                    {
                        break;
                    }

                    answered.CompletedAt = entry.Time;
                    answered.Status = (int?)entry.Number(JournalProperty.Status);
                    answered.Error = entry.Text(JournalProperty.Error);
                    answered.DurationMicros = entry.Number(JournalProperty.DurationMicros);
                    answered.Bytes = entry.Number(JournalProperty.Bytes);
                    answered.Masked = entry.Entity.TryGetValue(JournalProperty.Masked, out var masked) && masked is bool b ? b : null;
                    if (withBodies && bodies.Remove(JournalRecordKind.ResponseBody + "/" + auditId, out var responseBody))
                    {
                        answered.ResponseBody = responseBody.ToArray();
                    }

                    yield return answered;
                    break;
            }
        }

        foreach (var open in pending.Values)
        {
            yield return open;
        }
    }

    private static AuditEvent ToEvent(JournalEntry entry, IReadOnlyList<string> groups)
    {
        RequestInfo info;
        try
        {
            info = JsonSerializer.Deserialize(entry.Text(JournalProperty.Info) ?? "{}", JournalJson.Default.RequestInfo) ?? new RequestInfo();
        }
        catch (JsonException)
        {
            info = new RequestInfo();
        }

        return new AuditEvent
        {
            SessionId = entry.SessionId,
            AuditId = entry.Text(JournalProperty.AuditId) ?? "",
            User = entry.Text(JournalProperty.User) ?? "",
            Groups = groups,
            Connection = entry.Text(JournalProperty.Connection) ?? "",
            Method = entry.Text(JournalProperty.Method) ?? "",
            Target = entry.Text(JournalProperty.Target) ?? "",
            UserAgent = entry.Text(JournalProperty.UserAgent) ?? "",
            Info = info,
            Decision = entry.Text(JournalProperty.Decision) ?? "",
            Rule = entry.Text(JournalProperty.Rule),
            Message = entry.Text(JournalProperty.Message),
            ReceivedAt = entry.Time ?? default,
            BodyNote = entry.Text(JournalProperty.BodyNote),
        };
    }

    private static IReadOnlyList<string> ParseGroups(string? json)
    {
        try
        {
            return json is null ? [] : JsonSerializer.Deserialize(json, JournalJson.Default.IReadOnlyListString) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
