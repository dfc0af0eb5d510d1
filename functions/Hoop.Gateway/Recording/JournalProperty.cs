namespace Hoop.Gateway.Recording;

/// <summary>Property names of journal records (Table entity properties).</summary>
internal static class JournalProperty
{
    public const string Kind = "Kind";
    public const string Time = "Time";
    public const string Chain = "Chain";
    public const string User = "User";
    public const string Groups = "Groups";
    public const string Role = "Role";
    public const string Connection = "Connection";
    public const string ExpiresAt = "ExpiresAt";
    public const string KeyId = "KeyId";
    public const string Reason = "Reason";
    public const string AuditId = "AuditId";
    public const string Method = "Method";
    public const string Target = "Target";
    public const string UserAgent = "UserAgent";
    public const string Info = "Info";
    public const string Decision = "Decision";
    public const string Rule = "Rule";
    public const string Message = "Message";
    public const string ContentType = "ContentType";
    public const string BodyBytes = "BodyBytes";
    public const string BodyHash = "BodyHash";
    public const string BodySegments = "BodySegments";
    public const string BodyNote = "BodyNote";
    public const string Index = "Index";
    public const string Data = "Data";
    public const string ApprovalId = "ApprovalId";
    public const string Step = "Step";
    public const string Actor = "Actor";
    public const string Outcome = "Outcome";
    public const string Comment = "Comment";
    public const string At = "At";
    public const string Status = "Status";
    public const string DurationMicros = "DurationMicros";
    public const string Bytes = "Bytes";
    public const string UnmaskedBytes = "UnmaskedBytes";
    public const string Masked = "Masked";
    public const string Error = "Error";
    public const string Stage = "Stage";
}
