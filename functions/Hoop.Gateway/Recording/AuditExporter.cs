using System.Buffers;
using System.Globalization;
using CsvHelper;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Exports the journal for auditors (<c>hoop audit export</c>, <c>GET /audit/export</c>), streaming: records are read
/// page by page and each event is written as soon as it is complete.
/// </summary>
internal sealed class AuditExporter(JournalReader reader)
{
    /// <summary>CSV columns, in order.</summary>
    public static readonly string[] CsvColumns =
    [
        "requestReceivedTimestamp", "stageTimestamp", "session", "auditID", "user", "verb", "method", "requestURI", "namespace",
        "resource", "subresource", "name", "decision", "rule", "message", "status", "error", "durationMs", "bytes", "masked", "approver",
    ];

    /// <summary>Writes every matching event to <paramref name="output"/>; reports the count so far to <paramref name="progress"/>.</summary>
    public async Task<long> ExportAsync(AuditExportQuery query, AuditExportFormat format, Stream output, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = AuditEventAssembler.AssembleAsync(reader.ReadAsync(query.SessionId, query.From, query.To, withBodies: false, cancellationToken), withBodies: false, cancellationToken);
        long count = 0;
        if (format == AuditExportFormat.Jsonl)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            await foreach (var item in events)
            {
                if (item is AuditEvent e && query.Matches(e))
                {
                    buffer.ResetWrittenCount();
                    KubernetesAuditEvent.Write(buffer, e);
                    await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    count++;
                    await FlushEveryAsync(output, count, progress, cancellationToken);
                }
            }

            progress?.Report(count);

            await output.FlushAsync(cancellationToken);
            return count;
        }

        // Cells that begin with = + - @ (or tab, CR) would run as formulas in a spreadsheet: CsvHelper prefixes them with '.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(CsvColumns, cancellationToken);
        await foreach (var item in events)
        {
            if (item is AuditEvent e && query.Matches(e))
            {
                await csv.WriteRecordAsync(CsvRow(e), cancellationToken);
                count++;
                if (count % 1000 == 0)
                {
                    await csv.FlushAsync(cancellationToken);
                    progress?.Report(count);
                }
            }
        }

        await csv.FlushAsync(cancellationToken);
        progress?.Report(count);
        return count;
    }

    private static string[] CsvRow(AuditEvent e) =>
    [
        KubernetesAuditEvent.MicroTime(e.ReceivedAt),
        e.CompletedAt is { } done ? KubernetesAuditEvent.MicroTime(done) : "",
        e.SessionId,
        e.AuditId,
        e.User,
        e.Info.Verb,
        e.Method,
        e.Target,
        e.Info.Namespace,
        e.Info.Resource,
        e.Info.Subresource,
        e.Info.Name,
        e.Decision,
        e.Rule ?? "",
        e.Message ?? "",
        e.Status?.ToString(CultureInfo.InvariantCulture) ?? "",
        e.Error ?? "",
        e.DurationMicros is { } micros ? (micros / 1000.0).ToString("F3", CultureInfo.InvariantCulture) : "",
        e.Bytes?.ToString(CultureInfo.InvariantCulture) ?? "",
        e.Masked is { } masked ? (masked ? "true" : "false") : "",
        e.Approver ?? "",
    ];

    private static async Task FlushEveryAsync(Stream output, long count, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (count % 1000 == 0)
        {
            await output.FlushAsync(cancellationToken);
            progress?.Report(count);
        }
    }
}
