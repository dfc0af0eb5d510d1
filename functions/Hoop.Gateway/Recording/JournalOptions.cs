using System.ComponentModel.DataAnnotations;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Where and how the audit journal is written. Bound from the <c>Hoop:Journal</c> section (<see cref="Hosting.SettingNames"/>).
/// </summary>
/// <remarks>
/// One of <see cref="TableServiceUri"/> (Azure, identity-based access) or <see cref="ConnectionString"/> (Azurite,
/// self-hosting) selects the Table service. With neither, the journal is unavailable and the gateway refuses every
/// agent request with 503 (fail closed).
/// </remarks>
public sealed record JournalOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Hoop:Journal";

    /// <summary>Bytes of body per segment entity. A Table binary property holds at most 64 KiB; 60 KiB leaves room.</summary>
    public const int SegmentBytes = 60 * 1024;

    /// <summary>Entities per transaction: Table Storage allows 100; one is kept spare.</summary>
    public const int MaxBatchEntities = 99;

    /// <summary>
    /// Raw body bytes per transaction. A batch payload may be at most 4 MiB; binary travels base64 (4/3), so 2.5 MiB of
    /// body is about 3.4 MiB on the wire, leaving room for the other properties.
    /// </summary>
    public const int MaxBatchBodyBytes = 5 * 512 * 1024;

    /// <summary>Table service endpoint (e.g. <c>https://ACCOUNT.table.core.windows.net</c>), reached with the managed identity.</summary>
    public Uri? TableServiceUri { get; init; }

    /// <summary>A storage connection string (Azurite in <c>hoop serve --demo</c> and tests; self-hosting).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Table name prefix; the journal writes one table per month, <c>{prefix}{yyyyMM}</c>. Default <c>hoopjournal</c>.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,50}$")]
    public string TablePrefix { get; init; } = "hoopjournal";

    /// <summary>WORM blob container for the daily anchors of chain heads (Azure).</summary>
    public Uri? AnchorContainerUri { get; init; }

    /// <summary>A folder for the anchors instead of a blob container (<c>hoop serve --demo</c>).</summary>
    public string? AnchorDirectory { get; init; }

    /// <summary>
    /// An open response segment is written when it fills or after this many milliseconds, so a watch is recorded as it
    /// goes (default 1000).
    /// </summary>
    [Range(50, 60_000)]
    public int SegmentFlushMilliseconds { get; init; } = 1000;

    /// <summary>
    /// Response body bytes that may be queued for the journal before the stream waits for the journal (back-pressure);
    /// with the open segment this bounds what a crash can lose from a response. Default 1 MiB.
    /// </summary>
    [Range(SegmentBytes, 64 * 1024 * 1024)]
    public int MaxPendingResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Largest response body recorded in full (default 32 MiB). Beyond it the journal keeps the byte count and the keyed
    /// hash and marks the record capped.
    /// </summary>
    [Range(0, int.MaxValue)]
    public long MaxRecordedBodyBytes { get; init; } = 32L * 1024 * 1024;
}
