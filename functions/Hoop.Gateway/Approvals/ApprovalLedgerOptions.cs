using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Where the durable approval ledger lives (section <c>Hoop:Approvals:Ledger</c>): one Table, in the runtime storage
/// account beside the Durable Task hub in Azure (identity-based), or Azurite / any account by connection string.
/// </summary>
/// <remarks>
/// With neither <see cref="TableServiceUri"/> nor <see cref="ConnectionString"/> the function app has no ledger and
/// keeps refusing approval-required requests (fail closed): an in-memory ledger cannot hold "consume once" across
/// instances.
/// </remarks>
public sealed record ApprovalLedgerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Hoop:Approvals:Ledger";

    /// <summary>Table service endpoint (e.g. <c>https://ACCOUNT.table.core.windows.net</c>), reached with the managed identity.</summary>
    public Uri? TableServiceUri { get; init; }

    /// <summary>A storage connection string (Azurite, self-hosting).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The ledger's table (default <c>hoopapprovals</c>).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; init; } = "hoopapprovals";

    /// <summary>
    /// Days a ledger row is kept after its last write (default 30). The purge never uses less than the longest
    /// <c>maxSession</c> of the policy plus two days: every row belongs to a session, and a row must outlive it.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; init; } = 30;

    /// <summary>True when <paramref name="configuration"/> names a Table service for the ledger.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return section[nameof(TableServiceUri)] is { Length: > 0 } || section[nameof(ConnectionString)] is { Length: > 0 };
    }
}
