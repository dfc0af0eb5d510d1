using Azure.Data.Tables;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>
/// Tampering by someone with write access to the table (but not the key), done with the Table API against Azurite;
/// verify must catch each: alter, delete, truncate, reorder, merge, and a whole session deleted (via the anchors).
/// </summary>
public sealed class JournalVerifierTests
{
    [Fact]
    public async Task Verify_UntouchedSession_IsVerified()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, _) = await WriteSessionAsync(bed);

        var report = await bed.Verifier().VerifyAsync(session);

        Assert.True(report.Verified, string.Join("\n", report.Problems));
        Assert.Equal(1, report.Sessions);
        Assert.Equal(8, report.Records);
    }

    [Fact]
    public async Task Verify_AlteredRecord_ReportsTheBrokenLink()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed);
        var entity = (await table.GetEntityAsync<TableEntity>(session, "0000000004")).Value;
        Assert.Equal("block", entity.GetString(JournalProperty.Decision));
        entity[JournalProperty.Decision] = "allow";

        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

        var report = await bed.Verifier().VerifyAsync(session);
        var first = report.Problems[0];
        Assert.Equal(VerificationCodes.BrokenLink, first.Code);
        Assert.Equal(4, first.Sequence);
        Assert.Single(report.Problems);
    }

    [Fact]
    public async Task Verify_DeletedRecord_ReportsTheGap()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed);

        await table.DeleteEntityAsync(session, "0000000004");

        var report = await bed.Verifier().VerifyAsync(session);
        Assert.Contains(report.Problems, p => p.Code == VerificationCodes.Gap && p.Sequence == 5);
        Assert.Contains(report.Problems, p => p.Code == VerificationCodes.BrokenLink && p.Sequence == 5);
    }

    [Fact]
    public async Task Verify_TruncatedSession_ReportsTheMissingEnd()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed, lifetime: TimeSpan.FromSeconds(-1));

        await table.DeleteEntityAsync(session, "0000000008");
        await table.DeleteEntityAsync(session, "0000000007");

        var report = await bed.Verifier().VerifyAsync(session);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(VerificationCodes.MissingEnd, problem.Code);
        Assert.Equal(6, problem.Sequence);
    }

    [Fact]
    public async Task Verify_TruncatedOpenSession_IsCaughtByTheAnchor()
    {
        // An open session has no end yet, so only the anchor of its head shows the tail was cut.
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed, end: false);
        await new AnchorWriter(bed.Store, bed.KeySource, bed.Anchors, bed.Time).WriteAsync();

        await table.DeleteEntityAsync(session, "0000000007");

        Assert.Empty((await bed.Verifier().VerifyAsync(session)).Problems);
        var report = await bed.Verifier(bed.Anchors).VerifyAsync(session);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(VerificationCodes.AnchorMismatch, problem.Code);
        Assert.Equal(7, problem.Sequence);
    }

    [Fact]
    public async Task Verify_ReorderedRecords_ReportsBrokenLinks()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed);
        var third = (await table.GetEntityAsync<TableEntity>(session, "0000000003")).Value;
        var fifth = (await table.GetEntityAsync<TableEntity>(session, "0000000005")).Value;

        // Swap the two requests' places (each keeps its own chain value): delete both, insert each at the other's row.
        await table.DeleteEntityAsync(session, third.RowKey);
        await table.DeleteEntityAsync(session, fifth.RowKey);
        (third.RowKey, fifth.RowKey) = (fifth.RowKey, third.RowKey);
        await table.AddEntityAsync(third);
        await table.AddEntityAsync(fifth);

        var report = await bed.Verifier().VerifyAsync(session);
        Assert.Equal(VerificationCodes.BrokenLink, report.Problems[0].Code);
        Assert.Equal(3, report.Problems[0].Sequence);
        Assert.Contains(report.Problems, p => p.Code == VerificationCodes.BrokenLink && p.Sequence == 5);
    }

    [Fact]
    public async Task Verify_MergedProperty_ReportsTheUnexpectedPropertyAndTheBrokenLink()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed);

        await table.UpsertEntityAsync(new TableEntity(session, "0000000005") { ["ApprovedBy"] = "hoop-dev:bob" }, TableUpdateMode.Merge);

        var report = await bed.Verifier().VerifyAsync(session);
        Assert.Contains(report.Problems, p => p.Code == VerificationCodes.UnexpectedProperty && p.Sequence == 5 && p.Message.Contains("ApprovedBy", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Code == VerificationCodes.BrokenLink && p.Sequence == 5);
    }

    [Fact]
    public async Task Verify_RecordForgedWithoutTheKey_ReportsTheBrokenLink()
    {
        // Insert-only access is enough to append; without the key the appended record cannot chain.
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed, end: false);
        var forged = new JournalKeys(new byte[32]);
        var previous = Convert.FromBase64String((await table.GetEntityAsync<TableEntity>(session, "0000000007")).Value.GetString(JournalProperty.Chain));
        var entity = new TableEntity(session, "0000000008") { [JournalProperty.Kind] = JournalRecordKind.SessionEnded, [JournalProperty.Time] = JournalTime.ToText(DateTimeOffset.UtcNow), [JournalProperty.Reason] = "ended" };
        entity[JournalProperty.Chain] = Convert.ToBase64String(forged.Chain(previous, CanonicalRecord.Encode(entity)));

        await table.AddEntityAsync(entity);

        var report = await bed.Verifier().VerifyAsync(session);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(VerificationCodes.BrokenLink, problem.Code);
        Assert.Equal(8, problem.Sequence);
    }

    [Fact]
    public async Task Verify_DeletedSession_IsCaughtByTheAnchor()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var (session, table) = await WriteSessionAsync(bed);
        await new AnchorWriter(bed.Store, bed.KeySource, bed.Anchors, bed.Time).WriteAsync();

        for (var sequence = 1; sequence <= 8; sequence++)
        {
            await table.DeleteEntityAsync(session, JournalStore.RowKey(sequence));
        }

        var report = await bed.Verifier(bed.Anchors).VerifyAsync();
        var problem = Assert.Single(report.Problems);
        Assert.Equal(VerificationCodes.AnchorMismatch, problem.Code);
        Assert.Equal(session, problem.SessionId);
    }

    [Fact]
    public async Task Verify_ForgedAnchor_IsReportedInvalid()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        await WriteSessionAsync(bed);
        var document = AnchorDocument.Create(DateTimeOffset.UtcNow, [new AnchorHead("x", "y", 1, "z")], new JournalKeys(new byte[32]));
        await bed.Anchors.WriteAsync("anchor-forged.json", document.ToJson());

        var report = await bed.Verifier(bed.Anchors).VerifyAsync();

        Assert.Equal(VerificationCodes.AnchorInvalid, Assert.Single(report.Problems).Code);
    }

    /// <summary>start, 3 requests (the second blocked) with responses, end: 8 records.</summary>
    private static async Task<(string Session, TableClient Table)> WriteSessionAsync(JournalTestBed bed, TimeSpan? lifetime = null, bool end = true)
    {
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession(lifetime: lifetime);
        await journal.RecordSessionStartedAsync(session);
        foreach (var request in new[]
        {
            JournalTestBed.Request(session),
            JournalTestBed.Request(session, "DELETE", "/api/v1/namespaces/default/pods/web", action: DecisionAction.Block, rule: "no-delete"),
            JournalTestBed.Request(session, path: "/api/v1/namespaces/default/pods/web"),
        })
        {
            await journal.RecordRequestAsync(request);
            await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = request.AuditId, StatusCode = request.Decision.Action == DecisionAction.Block ? 403 : 200, Duration = TimeSpan.FromMilliseconds(2) });
        }

        if (end)
        {
            await journal.RecordSessionEndedAsync(session.Id, "test");
        }
        else
        {
            await journal.FlushAsync();
        }

        var now = DateTimeOffset.UtcNow;
        return (session.Id, bed.Store.GetTable(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
