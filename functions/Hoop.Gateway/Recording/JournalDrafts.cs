using System.Text.Json;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>Builds the records of each kind (docs/recording.md lists their properties; <see cref="JournalSchema"/> checks them).</summary>
internal static class JournalDrafts
{
    public static JournalDraft SessionStarted(Session session, string keyId, DateTimeOffset time, string? reason = null)
        => new JournalDraft(JournalRecordKind.SessionStarted, time)
            .With(JournalProperty.User, session.User)
            .With(JournalProperty.Groups, JsonSerializer.Serialize(session.Groups, JournalJson.Default.IReadOnlyListString))
            .With(JournalProperty.Role, session.Role)
            .With(JournalProperty.Connection, session.Connection)
            .With(JournalProperty.ExpiresAt, JournalTime.ToText(session.ExpiresAt))
            .With(JournalProperty.KeyId, keyId)
            .With(JournalProperty.Reason, NullIfEmpty(reason));

    public static JournalDraft SessionEnded(string reason, DateTimeOffset time)
        => new JournalDraft(JournalRecordKind.SessionEnded, time).With(JournalProperty.Reason, reason);

    /// <summary>The request record, preceded by its body segments (so a record never points at segments not yet written).</summary>
    public static List<JournalDraft> Request(RequestRecord record, MaskedBody body, DateTimeOffset time)
    {
        var drafts = Segments(JournalRecordKind.RequestBody, record.AuditId, body.Masked, time);
        drafts.Add(new JournalDraft(JournalRecordKind.Request, record.ReceivedAt)
            .With(JournalProperty.AuditId, record.AuditId)
            .With(JournalProperty.User, record.User)
            .With(JournalProperty.Connection, record.Connection)
            .With(JournalProperty.Method, record.Method)
            .With(JournalProperty.Target, record.Target)
            .With(JournalProperty.UserAgent, NullIfEmpty(record.UserAgent))
            .With(JournalProperty.Info, JsonSerializer.Serialize(record.Info, JournalJson.Default.RequestInfo))
            .With(JournalProperty.Decision, DecisionName(record.Decision.Action))
            .With(JournalProperty.Rule, NullIfEmpty(record.Decision.Rule))
            .With(JournalProperty.Message, NullIfEmpty(record.Decision.Message))
            .With(JournalProperty.ContentType, NullIfEmpty(record.ContentType))
            .With(JournalProperty.BodyBytes, (long)record.Body.Length)
            .With(JournalProperty.BodyHash, record.Body.IsEmpty ? null : body.Hash)
            .With(JournalProperty.BodySegments, drafts.Count)
            .With(JournalProperty.BodyNote, body.Note));
        return drafts;
    }

    public static JournalDraft Response(ResponseRecord record, ResponseBodySummary? body, DateTimeOffset time)
        => new JournalDraft(JournalRecordKind.Response, time)
            .With(JournalProperty.AuditId, record.AuditId)
            .With(JournalProperty.Status, record.StatusCode)
            .With(JournalProperty.DurationMicros, (long)record.Duration.TotalMicroseconds)
            .With(JournalProperty.Bytes, body?.DeliveredBytes ?? record.Bytes)
            .With(JournalProperty.BodySegments, body?.Segments ?? 0)
            .With(JournalProperty.UnmaskedBytes, body?.UpstreamBytes)
            .With(JournalProperty.BodyHash, body is { UpstreamBytes: > 0 } ? body.UpstreamHash : null)
            .With(JournalProperty.Masked, body is null ? null : body.Masked)
            .With(JournalProperty.BodyNote, body?.Note)
            .With(JournalProperty.Error, NullIfEmpty(record.Error));

    public static JournalDraft ResponseSegment(string auditId, int index, byte[] data, DateTimeOffset time)
        => new JournalDraft(JournalRecordKind.ResponseBody, time)
            .With(JournalProperty.AuditId, auditId)
            .With(JournalProperty.Index, index)
            .With(JournalProperty.Data, data);

    public static JournalDraft Approval(ApprovalRecord record, DateTimeOffset time)
        => new JournalDraft(JournalRecordKind.Approval, time)
            .With(JournalProperty.AuditId, record.AuditId)
            .With(JournalProperty.ApprovalId, record.ApprovalId)
            .With(JournalProperty.Step, record.Step)
            .With(JournalProperty.Actor, NullIfEmpty(record.Actor))
            .With(JournalProperty.Outcome, NullIfEmpty(record.Outcome))
            .With(JournalProperty.Comment, NullIfEmpty(record.Comment))
            .With(JournalProperty.At, JournalTime.ToText(record.At));

    public static JournalDraft Error(ErrorRecord record, DateTimeOffset time)
        => new JournalDraft(JournalRecordKind.Error, time)
            .With(JournalProperty.AuditId, NullIfEmpty(record.AuditId))
            .With(JournalProperty.Stage, record.Stage)
            .With(JournalProperty.Message, record.Message);

    /// <summary>The decision as recorded: allow, block or approve.</summary>
    public static string DecisionName(DecisionAction action) => action switch
    {
        DecisionAction.Allow => "allow",
        DecisionAction.Approve => "approve",
        _ => "block",
    };

    private static List<JournalDraft> Segments(string kind, string auditId, ReadOnlyMemory<byte> body, DateTimeOffset time)
    {
        var drafts = new List<JournalDraft>();
        for (var offset = 0; offset < body.Length; offset += JournalOptions.SegmentBytes)
        {
            var data = body.Slice(offset, Math.Min(JournalOptions.SegmentBytes, body.Length - offset)).ToArray();
            drafts.Add(new JournalDraft(kind, time)
                .With(JournalProperty.AuditId, auditId)
                .With(JournalProperty.Index, drafts.Count)
                .With(JournalProperty.Data, data));
        }

        return drafts;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
