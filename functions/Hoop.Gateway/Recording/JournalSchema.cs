using System.Collections.Frozen;

namespace Hoop.Gateway.Recording;

/// <summary>
/// The properties each record kind may carry. <c>hoop audit verify</c> reports any other property (a Merge by someone
/// with write access adds properties) and any missing required one.
/// </summary>
internal static class JournalSchema
{
    /// <summary>Properties every record has besides its own: the keys, its kind and time, its chain value.</summary>
    public static readonly FrozenSet<string> Common = FrozenSet.ToFrozenSet(
        ["PartitionKey", "RowKey", JournalProperty.Kind, JournalProperty.Time, JournalProperty.Chain], StringComparer.Ordinal);

    /// <summary>Properties the Table service adds on its own; never part of a record.</summary>
    public static readonly FrozenSet<string> System = FrozenSet.ToFrozenSet(["Timestamp", "odata.etag"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string[] Required, string[] Optional)> Kinds =
        new Dictionary<string, (string[], string[])>(StringComparer.Ordinal)
        {
            [JournalRecordKind.SessionStarted] = (
                [JournalProperty.User, JournalProperty.Groups, JournalProperty.Role, JournalProperty.Connection, JournalProperty.ExpiresAt, JournalProperty.KeyId],
                [JournalProperty.Reason]),
            [JournalRecordKind.SessionEnded] = ([JournalProperty.Reason], []),
            [JournalRecordKind.Request] = (
                [JournalProperty.AuditId, JournalProperty.User, JournalProperty.Connection, JournalProperty.Method, JournalProperty.Target,
                 JournalProperty.Info, JournalProperty.Decision, JournalProperty.BodyBytes, JournalProperty.BodySegments],
                [JournalProperty.Rule, JournalProperty.Message, JournalProperty.ContentType, JournalProperty.UserAgent, JournalProperty.BodyHash, JournalProperty.BodyNote]),
            [JournalRecordKind.RequestBody] = ([JournalProperty.AuditId, JournalProperty.Index, JournalProperty.Data], []),
            [JournalRecordKind.ResponseBody] = ([JournalProperty.AuditId, JournalProperty.Index, JournalProperty.Data], []),
            [JournalRecordKind.Approval] = (
                [JournalProperty.AuditId, JournalProperty.ApprovalId, JournalProperty.Step],
                [JournalProperty.Actor, JournalProperty.Outcome, JournalProperty.Comment, JournalProperty.At]),
            [JournalRecordKind.Response] = (
                [JournalProperty.AuditId, JournalProperty.Status, JournalProperty.DurationMicros, JournalProperty.Bytes, JournalProperty.BodySegments],
                [JournalProperty.UnmaskedBytes, JournalProperty.BodyHash, JournalProperty.Masked, JournalProperty.BodyNote, JournalProperty.Error]),
            [JournalRecordKind.Error] = ([JournalProperty.Stage, JournalProperty.Message], [JournalProperty.AuditId]),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="kind"/> is a known record kind.</summary>
    public static bool IsKnownKind(string kind) => Kinds.ContainsKey(kind);

    /// <summary>The properties of <paramref name="kind"/> that must be present.</summary>
    public static IReadOnlyList<string> Required(string kind) => Kinds[kind].Required;

    /// <summary>Whether <paramref name="property"/> may appear on a record of <paramref name="kind"/>.</summary>
    public static bool Allows(string kind, string property)
        => Common.Contains(property) || System.Contains(property)
            || (Kinds.TryGetValue(kind, out var set) && (set.Required.Contains(property, StringComparer.Ordinal) || set.Optional.Contains(property, StringComparer.Ordinal)));
}
