namespace Hoop.Gateway.Recording;

/// <summary>The codes of verification findings. Problems make <c>hoop audit verify</c> exit 1; notes do not.</summary>
public static class VerificationCodes
{
    /// <summary>A record's chain value does not match HMAC(key, previous + record): altered, reordered, or forged.</summary>
    public const string BrokenLink = "broken-link";

    /// <summary>Sequence numbers are missing: records were deleted.</summary>
    public const string Gap = "gap";

    /// <summary>A finished session has no end record: its last records were deleted (truncation).</summary>
    public const string MissingEnd = "missing-end";

    /// <summary>A property that no record of its kind has (a Merge added it).</summary>
    public const string UnexpectedProperty = "unexpected-property";

    /// <summary>A required property is absent.</summary>
    public const string MissingProperty = "missing-property";

    /// <summary>The record's kind is not one the gateway writes.</summary>
    public const string UnknownKind = "unknown-kind";

    /// <summary>The chain does not begin with a session start.</summary>
    public const string NotStarted = "not-started";

    /// <summary>Records after the session's end.</summary>
    public const string AfterEnd = "after-end";

    /// <summary>A row key that is not a sequence number.</summary>
    public const string BadRowKey = "bad-row-key";

    /// <summary>A head recorded in a WORM anchor is not in the table (truncated or rewritten).</summary>
    public const string AnchorMismatch = "anchor-mismatch";

    /// <summary>An anchor document whose MAC does not verify.</summary>
    public const string AnchorInvalid = "anchor-invalid";

    /// <summary>Note: the session is still open (not expired, not ended).</summary>
    public const string OpenSession = "open-session";

    /// <summary>Note: a request has no response record (the gateway stopped, or the response write failed).</summary>
    public const string NoResponse = "no-response";

    /// <summary>Note: fewer body segments than the record declares (a segment write failed).</summary>
    public const string MissingSegments = "missing-segments";

    /// <summary>Note: body segments without the record they belong to (a request write that failed part-way).</summary>
    public const string UnfinishedWrite = "unfinished-write";

    /// <summary>Whether <paramref name="code"/> is a note rather than a problem.</summary>
    public static bool IsNote(string code) => code is OpenSession or NoResponse or MissingSegments or UnfinishedWrite;
}
