using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Recording;
using Microsoft.Extensions.Configuration;

namespace Hoop.Cli.Commands;

/// <summary>
/// <c>hoop audit export --format jsonl|csv [--session ID] [--user U] [--from T] [--to T] [--out FILE]</c> and
/// <c>hoop audit verify [--session ID] [--from T] [--to T]</c> and
/// <c>hoop audit evidence --from T --to T [--format html|json] [--out FILE]</c> (DESIGN.md §8), reading the journal directly.
/// </summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Export and verify the audit journal") { Export(), Verify(), Evidence() };

    private static Command Export()
    {
        var format = new Option<string>("--format") { Description = "jsonl (Kubernetes audit.k8s.io/v1 Events) or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var (session, user, from, to) = Filters();
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of stdout (progress on stderr)" };
        var (storage, account, stateDir) = JournalAccess.Options();
        var command = new Command("export", "Export the journal for auditors") { format, session, user, from, to, output, storage, account, stateDir };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var access = await JournalAccess.OpenAsync(result.GetValue(storage), result.GetValue(account), result.GetValue(stateDir)!, cancellationToken);
            var query = new AuditExportQuery
            {
                SessionId = result.GetValue(session),
                User = result.GetValue(user),
                From = Time(result.GetValue(from), "--from"),
                To = Time(result.GetValue(to), "--to"),
            };
            var path = result.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            var progress = path is null ? null : new Progress<long>(n => Console.Error.WriteLine($"hoop: exported {n} events..."));
            var count = await new AuditExporter(access.Reader).ExportAsync(query, result.GetValue(format) == "csv" ? AuditExportFormat.Csv : AuditExportFormat.Jsonl, stream, progress, cancellationToken);
            await Console.Error.WriteLineAsync($"hoop: exported {count} events{(path is null ? "" : " to " + path)}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Verify()
    {
        var (session, _, from, to) = Filters();
        var json = new Option<bool>("-o", "--json") { Description = "Print the report as JSON" };
        var (storage, account, stateDir) = JournalAccess.Options();
        var command = new Command("verify", "Recompute the hash chains; exit 1 if the journal was altered, truncated, reordered or merged") { session, from, to, json, storage, account, stateDir };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var access = await JournalAccess.OpenAsync(result.GetValue(storage), result.GetValue(account), result.GetValue(stateDir)!, cancellationToken);
            var verifier = new JournalVerifier(access.Reader, await access.KeysAsync(cancellationToken), access.Anchors, TimeProvider.System);
            var report = await verifier.VerifyAsync(result.GetValue(session), Time(result.GetValue(from), "--from"), Time(result.GetValue(to), "--to"), cancellationToken);
            if (result.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    verified = report.Verified,
                    sessions = report.Sessions,
                    records = report.Records,
                    problems = report.Problems.Select(Finding),
                    notes = report.Notes.Select(Finding),
                }));
            }
            else
            {
                foreach (var problem in report.Problems)
                {
                    await Console.Out.WriteLineAsync($"PROBLEM {problem.Code} session {problem.SessionId}{At(problem)}: {TerminalText.Neutralize(problem.Message)}");
                }

                foreach (var note in report.Notes)
                {
                    await Console.Out.WriteLineAsync($"note    {note.Code} session {note.SessionId}{At(note)}: {TerminalText.Neutralize(note.Message)}");
                }

                await Console.Out.WriteLineAsync(report.Verified
                    ? $"verified: {report.Sessions} session(s), {report.Records} record(s), every chain intact"
                    : $"NOT verified: {report.Problems.Count} problem(s) in {report.Sessions} session(s), {report.Records} record(s)");
            }

            return report.Verified ? CliApp.Ok : CliApp.ProblemsFound;
        });
        return command;
    }

    private static Command Evidence()
    {
        var (_, _, from, to) = Filters();
        from.Required = true;
        to.Required = true;
        var format = new Option<string>("--format") { Description = "html (one self-contained page) or json (docs/compliance/evidence-report.schema.json)", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "json");
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of stdout" };
        var (storage, account, stateDir) = JournalAccess.Options();
        var command = new Command("evidence", "The evidence report of a period: sessions, decisions, approvals, masking counts, errors, chain verification") { from, to, format, output, storage, account, stateDir };
        command.SetAction(async (result, cancellationToken) =>
        {
            var start = Time(result.GetValue(from), "--from")!.Value;
            var end = Time(result.GetValue(to), "--to")!.Value;
            if (start > end)
            {
                throw new CliException("--from must not be after --to");
            }

            await using var access = await JournalAccess.OpenAsync(result.GetValue(storage), result.GetValue(account), result.GetValue(stateDir)!, cancellationToken);
            var verifier = new JournalVerifier(access.Reader, await access.KeysAsync(cancellationToken), access.Anchors, TimeProvider.System);
            // The CLI reads the journal directly: the bounds it states are those configured in its own environment
            // (HOOP__GATEWAY__..., HOOP__JOURNAL__...), defaults otherwise; GET /audit/evidence states the gateway's own.
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var settings = EvidenceSettings.InForce(
                configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions(),
                configuration.GetSection(JournalOptions.SectionName).Get<JournalOptions>() ?? new JournalOptions());
            var report = await new EvidenceReportBuilder(access.Reader, verifier, TimeProvider.System).BuildAsync(start, end, settings, cancellationToken);
            var path = result.GetValue(output);
            await using (var stream = path is null ? Console.OpenStandardOutput() : File.Create(path))
            {
                if (result.GetValue(format) == "json")
                {
                    await EvidenceJson.WriteAsync(report, stream, cancellationToken);
                }
                else
                {
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(EvidenceHtml.Render(report)), cancellationToken);
                }
            }

            await Console.Error.WriteLineAsync(report.Verified
                ? $"hoop: evidence for {report.Sessions.Count} session(s); every chain verified{(path is null ? "" : ", written to " + path)}"
                : $"hoop: VERIFICATION FAILED for {report.Problems.Select(p => p.SessionId).Distinct(StringComparer.Ordinal).Count()} session(s){(path is null ? "" : "; report written to " + path)}");
            return report.Verified ? CliApp.Ok : CliApp.ProblemsFound;
        });
        return command;
    }

    private static (Option<string?> Session, Option<string?> User, Option<string?> From, Option<string?> To) Filters() => (
        new Option<string?>("--session") { Description = "Only this session" },
        new Option<string?>("--user") { Description = "Only this user's requests" },
        new Option<string?>("--from") { Description = "From this time (RFC 3339)" },
        new Option<string?>("--to") { Description = "Up to this time (RFC 3339)" });

    private static DateTimeOffset? Time(string? value, string option)
        => value is null ? null
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time
            : throw new CliException($"{option}: '{value}' is not an RFC 3339 time");

    private static string At(VerificationFinding finding) => finding.Sequence is { } s ? $" record {s}" : "";

    private static object Finding(VerificationFinding f) => new { session = f.SessionId, sequence = f.Sequence, code = f.Code, message = f.Message };
}
