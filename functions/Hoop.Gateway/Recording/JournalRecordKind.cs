namespace Hoop.Gateway.Recording;

/// <summary>The kinds of journal record (the <c>Kind</c> property). docs/recording.md describes each one's properties.</summary>
public static class JournalRecordKind
{
    public const string SessionStarted = "SessionStarted";
    public const string SessionEnded = "SessionEnded";
    public const string Request = "Request";
    public const string RequestBody = "RequestBody";
    public const string Approval = "Approval";
    public const string ResponseBody = "ResponseBody";
    public const string Response = "Response";
    public const string Error = "Error";
}
