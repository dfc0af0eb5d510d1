using System.Security.Cryptography;
using System.Text;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>The journal against a real Table service (Azurite): records, segments, order, concurrency.</summary>
public sealed class TableJournalTests
{
    [Fact]
    public async Task RecordRequest_FirstOfSession_WritesStartThenRequestAndVerifies()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var request = JournalTestBed.Request(session);

        await journal.RecordRequestAsync(request);
        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = request.AuditId, StatusCode = 200, Duration = TimeSpan.FromMilliseconds(3) });
        await journal.RecordSessionEndedAsync(session.Id, "test");

        var entries = await bed.ReadSessionAsync(session.Id);
        Assert.Equal(
            [JournalRecordKind.SessionStarted, JournalRecordKind.Request, JournalRecordKind.Response, JournalRecordKind.SessionEnded],
            entries.Select(e => e.Kind));
        Assert.Equal(["0000000001", "0000000002", "0000000003", "0000000004"], entries.Select(e => e.Entity.RowKey));
        Assert.Equal(session.User, entries[0].Text(JournalProperty.User));
        Assert.Equal("allow", entries[1].Text(JournalProperty.Decision));
        Assert.Equal("read", entries[1].Text(JournalProperty.Rule));
        Assert.Contains("\"verb\":\"list\"", entries[1].Text(JournalProperty.Info), StringComparison.Ordinal);
        Assert.Equal(200L, entries[2].Number(JournalProperty.Status));
        var report = await bed.Verifier().VerifyAsync(session.Id);
        Assert.True(report.Verified, string.Join("\n", report.Problems));
        Assert.Equal(4, report.Records);
    }

    [Fact]
    public async Task RecordRequest_LargeBody_BecomesSegmentsBeforeTheRecordWithAKeyedHash()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var body = Encoding.UTF8.GetBytes("{\"data\":\"" + new string('x', (3 * JournalOptions.SegmentBytes) + 100) + "\"}");
        var request = JournalTestBed.Request(session, "POST", "/api/v1/namespaces/default/configmaps", body);

        await journal.RecordRequestAsync(request);

        var entries = await bed.ReadSessionAsync(session.Id);
        Assert.Equal(
            [JournalRecordKind.SessionStarted, JournalRecordKind.RequestBody, JournalRecordKind.RequestBody, JournalRecordKind.RequestBody, JournalRecordKind.RequestBody, JournalRecordKind.Request],
            entries.Select(e => e.Kind));
        var stored = entries.Where(e => e.Kind == JournalRecordKind.RequestBody).OrderBy(e => e.Number(JournalProperty.Index)).SelectMany(e => e.Data!).ToArray();
        Assert.Equal(body, stored);
        var record = entries[^1];
        Assert.Equal(4L, record.Number(JournalProperty.BodySegments));
        Assert.Equal((long)body.Length, record.Number(JournalProperty.BodyBytes));
        // Keyed: the plain SHA-256 of the body (which anyone could compute for a guess) is not what is stored.
        Assert.Equal(bed.Keys.HashBody(body), record.Text(JournalProperty.BodyHash));
        Assert.NotEqual(Convert.ToBase64String(SHA256.HashData(body)), record.Text(JournalProperty.BodyHash));
    }

    [Fact]
    public async Task RecordRequest_BodyLargerThanOneTransaction_IsSplitAcrossTransactionsAndVerifies()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var body = RandomNumberGenerator.GetBytes(4 * 1024 * 1024);
        var request = JournalTestBed.Request(session, "POST", "/api/v1/namespaces/default/configmaps", body);

        await journal.RecordRequestAsync(request);
        await journal.RecordSessionEndedAsync(session.Id, "test");

        var entries = await bed.ReadSessionAsync(session.Id);
        Assert.Equal(body, entries.Where(e => e.Kind == JournalRecordKind.RequestBody).SelectMany(e => e.Data!).ToArray());
        Assert.True((await bed.Verifier().VerifyAsync(session.Id)).Verified);
    }

    [Fact]
    public async Task TwoJournals_SameSessionConcurrently_AppendEveryRecordOnceAndTheChainVerifies()
    {
        // Two gateway instances (two journals with their own caches) serving one session at once.
        await using var bed = await JournalTestBed.CreateAsync();
        var first = bed.NewJournal();
        var second = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        await first.RecordSessionStartedAsync(session);
        var requests = Enumerable.Range(0, 60).Select(i => JournalTestBed.Request(session, path: $"/api/v1/namespaces/ns{i}/pods")).ToList();

        await Task.WhenAll(requests.Select(async (r, i) =>
        {
            var journal = i % 2 == 0 ? first : second;
            await journal.RecordRequestAsync(r);
            await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = r.AuditId, StatusCode = 200, Duration = TimeSpan.FromMilliseconds(1) });
        }));
        await first.FlushAsync();
        await second.FlushAsync();
        await second.RecordSessionEndedAsync(session.Id, "test");

        var entries = await bed.ReadSessionAsync(session.Id);
        Assert.Equal(2 + (2 * requests.Count), entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        foreach (var request in requests)
        {
            Assert.Single(entries, e => e.Kind == JournalRecordKind.Request && e.Text(JournalProperty.AuditId) == request.AuditId);
            Assert.Single(entries, e => e.Kind == JournalRecordKind.Response && e.Text(JournalProperty.AuditId) == request.AuditId);
        }

        Assert.Single(entries, e => e.Kind == JournalRecordKind.SessionStarted);
        var report = await bed.Verifier().VerifyAsync(session.Id);
        Assert.True(report.Verified, string.Join("\n", report.Problems));
        Assert.Empty(report.Notes);
    }

    [Fact]
    public async Task TwoJournals_NoStartRecordYet_OnlyOneImplicitStartIsWritten()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var first = bed.NewJournal();
        var second = bed.NewJournal();
        var session = JournalTestBed.NewSession();

        await Task.WhenAll(
            first.RecordRequestAsync(JournalTestBed.Request(session)).AsTask(),
            second.RecordRequestAsync(JournalTestBed.Request(session)).AsTask());

        var entries = await bed.ReadSessionAsync(session.Id);
        Assert.Equal(JournalRecordKind.SessionStarted, entries[0].Kind);
        Assert.Single(entries, e => e.Kind == JournalRecordKind.SessionStarted);
        Assert.Equal(2, entries.Count(e => e.Kind == JournalRecordKind.Request));
    }

    [Fact]
    public async Task ResponseBody_Streamed_IsStoredAsSegmentsBeforeTheResponseRecord()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var request = JournalTestBed.Request(session);
        await journal.RecordRequestAsync(request);
        var body = RandomNumberGenerator.GetBytes((2 * JournalOptions.SegmentBytes) + 17);

        var recorder = (await journal.OpenResponseBodyAsync(session.Id, request.AuditId))!;
        await using (var delivered = recorder.WrapDelivered(recorder.WrapUpstream(new MemoryStream(body))))
        {
            await delivered.CopyToAsync(Stream.Null);
        }

        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = request.AuditId, StatusCode = 200, Duration = TimeSpan.FromMilliseconds(1), Body = recorder });
        await journal.FlushAsync();

        var entries = await bed.ReadSessionAsync(session.Id);
        Assert.Equal(
            [JournalRecordKind.SessionStarted, JournalRecordKind.Request, JournalRecordKind.ResponseBody, JournalRecordKind.ResponseBody, JournalRecordKind.ResponseBody, JournalRecordKind.Response],
            entries.Select(e => e.Kind));
        Assert.Equal(body, entries.Where(e => e.Kind == JournalRecordKind.ResponseBody).SelectMany(e => e.Data!).ToArray());
        var response = entries[^1];
        Assert.Equal(3L, response.Number(JournalProperty.BodySegments));
        Assert.Equal((long)body.Length, response.Number(JournalProperty.Bytes));
        Assert.Equal(bed.Keys.HashBody(body), response.Text(JournalProperty.BodyHash));
        Assert.Equal("False", response.Text(JournalProperty.Masked));
    }

    [Fact]
    public async Task ResponseBody_SlowStream_OpenSegmentIsWrittenAfterTheFlushInterval()
    {
        // A watch that sends one event and then stays open: the event is in the journal before the stream ends.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await JournalTestBed.CreateAsync(time);
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var request = JournalTestBed.Request(session, path: "/api/v1/namespaces/default/pods?watch=1");
        await journal.RecordRequestAsync(request);
        var recorder = (await journal.OpenResponseBodyAsync(session.Id, request.AuditId))!;
        var frame = "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\"}}\n"u8.ToArray();
        await using var delivered = recorder.WrapDelivered(new MemoryStream(frame));
        var buffer = new byte[1024];

        Assert.Equal(frame.Length, await delivered.ReadAsync(buffer));
        time.Advance(TimeSpan.FromMilliseconds(bed.Options.SegmentFlushMilliseconds));
        await journal.FlushAsync();

        var entries = await bed.ReadSessionAsync(session.Id);
        var segment = Assert.Single(entries, e => e.Kind == JournalRecordKind.ResponseBody);
        Assert.Equal(frame, segment.Data);
        Assert.DoesNotContain(entries, e => e.Kind == JournalRecordKind.Response);
    }

    [Fact]
    public async Task RecordRequest_TableServiceUnreachable_Throws()
    {
        await using var bed = await JournalTestBed.CreateAsync(configure: o => o with { ConnectionString = AzuriteProcess.ConnectionStringFor(1) });
        var journal = new TableJournal(JournalStore.Create(bed.Options), bed.KeySource, new PassThroughMasker(),
            Microsoft.Extensions.Options.Options.Create(bed.Options), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<TableJournal>.Instance);
        var session = JournalTestBed.NewSession();

        await Assert.ThrowsAnyAsync<Exception>(async () => await journal.RecordRequestAsync(JournalTestBed.Request(session)));
        await journal.DisposeAsync();
    }

    [Fact]
    public async Task RecordApproval_SessionApprovalStepsFirstInTheRefusalPartition_StartItOnceAndVerify()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var now = DateTimeOffset.UtcNow;
        var start = JournalSessionAudit.RefusalSession(now);
        ApprovalRecord Step(string step, Session? session = null)
            => new() { SessionId = start.Id, AuditId = "ap-1", ApprovalId = "ap-1", Step = step, Actor = "https://issuer.example#alice", At = now, Session = session };

        await journal.RecordApprovalAsync(Step(ApprovalRecord.Steps.Requested, start));
        await journal.RecordErrorAsync(new ErrorRecord { SessionId = start.Id, Stage = "authenticate", Message = "403 on /sessions: no", Session = start });
        await journal.RecordApprovalAsync(Step(ApprovalRecord.Steps.Decided));
        await journal.RecordApprovalAsync(Step(ApprovalRecord.Steps.Executed));

        var entries = await bed.ReadSessionAsync(start.Id);
        Assert.Equal(
            [JournalRecordKind.SessionStarted, JournalRecordKind.Approval, JournalRecordKind.Error, JournalRecordKind.Approval, JournalRecordKind.Approval],
            entries.Select(e => e.Kind));
        Assert.Equal(JournalSessionAudit.RefusalsUser, entries[0].Text(JournalProperty.User));
        Assert.Equal("https://issuer.example#alice", entries[1].Text(JournalProperty.Actor));
        var report = await bed.Verifier().VerifyAsync(start.Id);
        Assert.True(report.Verified, string.Join("\n", report.Problems));
    }
}
