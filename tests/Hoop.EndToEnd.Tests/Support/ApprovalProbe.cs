using Hoop.Gateway.Approvals;
using Hoop.Gateway.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>What the approval tests look at beside kubectl: the desk's pending list and the journal's approval steps.</summary>
internal static class ApprovalProbe
{
    /// <summary>Waits until an approval matching <paramref name="match"/> is pending at the desk (as <c>hoop approvals list</c> shows it).</summary>
    public static async Task<ApprovalRequest> WaitForPendingAsync(DemoGatewayFixture fixture, Func<ApprovalRequest, bool> match, TimeSpan? timeout = null)
    {
        var desk = fixture.Gateway.App.Services.GetRequiredService<ApprovalDesk>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var pending = await desk.ListPendingAsync(cts.Token);
            if (pending.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25, cts.Token);
        }
    }

    /// <summary>The approvals pending at the desk now.</summary>
    public static Task<IReadOnlyList<ApprovalRequest>> PendingAsync(DemoGatewayFixture fixture)
        => fixture.Gateway.App.Services.GetRequiredService<ApprovalDesk>().ListPendingAsync();

    /// <summary>The journal's approval records of <paramref name="approvalId"/> in the demo session, in order (after a flush).</summary>
    public static async Task<IReadOnlyList<JournalEntry>> StepsAsync(DemoGatewayFixture fixture, string approvalId)
    {
        await FlushAsync(fixture);
        var store = fixture.Gateway.App.Services.GetRequiredService<JournalStore>();
        var steps = new List<JournalEntry>();
        await foreach (var entry in new JournalReader(store).ReadAsync(fixture.Gateway.Demo.Session.Id))
        {
            if (entry.Kind == JournalRecordKind.Approval && entry.Text(JournalProperty.ApprovalId) == approvalId)
            {
                steps.Add(entry);
            }
        }

        return steps;
    }

    /// <summary>Writes out what the journal still buffers.</summary>
    public static async Task FlushAsync(DemoGatewayFixture fixture)
    {
        if (fixture.Gateway.App.Services.GetService<IAuditJournal>() is TableJournal journal)
        {
            await journal.FlushAsync();
        }
    }

    /// <summary>How many times the simulated cluster received <paramref name="method"/> on a target ending with <paramref name="pathEnd"/>.</summary>
    public static int Received(DemoGatewayFixture fixture, string method, string pathEnd)
        => fixture.Cluster.Received.Count(r => r.Method == method && r.RawTarget.Split('?')[0].EndsWith(pathEnd, StringComparison.Ordinal));
}
