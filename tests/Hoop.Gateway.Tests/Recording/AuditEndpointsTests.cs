using System.Text.Json;
using Hoop.Gateway.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>GET /audit/evidence behind the auditor seam, on a real journal (shared Azurite).</summary>
public sealed class AuditEndpointsTests
{
    [Fact]
    public async Task Evidence_AuditorWithPeriod_ReturnsTheReportAsJson()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var session = await WriteSessionAsync(bed);
        var context = Context(bed, "Bearer auditor-secret", $"?format=json&from={Uri.EscapeDataString(JournalTime.ToText(DateTimeOffset.UtcNow.AddHours(-1)))}&to={Uri.EscapeDataString(JournalTime.ToText(DateTimeOffset.UtcNow.AddHours(1)))}");

        await AuditEndpoints.EvidenceAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        var report = JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray()).RootElement;
        Assert.True(report.GetProperty("verified").GetBoolean());
        Assert.Equal(session, Assert.Single(report.GetProperty("sessions").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("210", report.GetProperty("configuration").GetProperty("Hoop:Gateway:WatchMaxSeconds").GetString());
    }

    [Theory]
    [InlineData("", "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", 401)]
    [InlineData("Bearer wrong", "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", 401)]
    [InlineData("Bearer auditor-secret", "?to=2026-02-01T00:00:00Z", 400)]
    [InlineData("Bearer auditor-secret", "?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z", 400)]
    [InlineData("Bearer auditor-secret", "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&format=pdf", 400)]
    public async Task Evidence_NotAnAuditorOrBadPeriod_IsRefusedWithoutAReport(string authorization, string query, int status)
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var context = Context(bed, authorization, query);

        await AuditEndpoints.EvidenceAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.DoesNotContain("\"sessions\"", System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()), StringComparison.Ordinal);
    }

    private static DefaultHttpContext Context(JournalTestBed bed, string authorization, string query)
    {
        var services = new ServiceCollection()
            .AddSingleton<IAuditorAuthenticator>(new StaticTokenAuditorAuthenticator("auditor-secret", "hoop-dev:carol"))
            .AddSingleton(bed.Reader())
            .AddSingleton(bed.KeySource)
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/audit/evidence";
        context.Request.QueryString = new QueryString(query);
        if (authorization.Length > 0)
        {
            context.Request.Headers.Authorization = authorization;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<string> WriteSessionAsync(JournalTestBed bed)
    {
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession();
        var read = JournalTestBed.Request(session);
        await journal.RecordRequestAsync(read);
        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = read.AuditId, StatusCode = 200, Duration = TimeSpan.FromMilliseconds(1) });
        await journal.RecordSessionEndedAsync(session.Id, "ended");
        await journal.FlushAsync();
        return session.Id;
    }
}
