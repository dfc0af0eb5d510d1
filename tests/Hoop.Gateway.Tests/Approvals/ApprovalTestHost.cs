using Hoop.Gateway.Approvals;
using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Approvals.Notifications;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The approval orchestration under the in-process Durable Task host, with a gate and a desk over it.</summary>
internal sealed class ApprovalTestHost : IAsyncDisposable
{
    public static readonly Approver Bob = new("hoop-dev:bob", ["sre-leads"]);
    public static readonly Approver Carol = new("hoop-dev:carol", ["auditors"]);
    public static readonly Approver Alice = new("hoop-dev:alice", ["developers", "sre-leads"]);

    private readonly DurableTaskTestHost _host;
    private readonly NotificationTestBed _notifications;

    private ApprovalTestHost(DurableTaskTestHost host, NotificationTestBed notifications, ListAuditJournal journal, int holdSeconds)
    {
        _host = host;
        _notifications = notifications;
        Journal = journal;
        Ledger = new InMemoryApprovalLedger();
        Desk = new ApprovalDesk(host.Client, TimeProvider.System);
        Gate = new DurableApprovalGate(
            host.Client,
            Ledger,
            new FixedPolicySource(DefaultPolicy.Document),
            journal,
            Options.Create(new ApprovalOptions { HoldSeconds = holdSeconds }),
            TimeProvider.System);
    }

    public ListAuditJournal Journal { get; }

    public InMemoryApprovalLedger Ledger { get; }

    public ApprovalDesk Desk { get; }

    public DurableApprovalGate Gate { get; }

    public Microsoft.DurableTask.Client.DurableTaskClient Client => _host.Client;

    public static async Task<ApprovalTestHost> StartAsync(int holdSeconds = 2)
    {
        var journal = new ListAuditJournal();

        // The real Teams notifier, posting to a closed port: the channel is down, and the approval must survive it.
        var notifications = await NotificationTestBed.CreateAsync();
        var teams = new TeamsApprovalNotifier(
            new NotifierSettings { TeamsWebhookUrl = TeamsApprovalNotifierTests.ClosedWebhook(), Retry = NotificationTestBed.FastRetry },
            notifications.Messages,
            TimeProvider.System);
        var host = await DurableTaskTestHost.StartAsync(
            ApprovalTasks.Register,
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<IAuditJournal>(journal);
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton<IApprovalNotifier>(teams);
                },
            });
        return new ApprovalTestHost(host, notifications, journal, holdSeconds);
    }

    /// <summary>alice's agent asking to scale web to <paramref name="replicas"/> (the default policy's scale-needs-approval rule).</summary>
    public static (DecisionRequest Request, Decision Decision) Scale(int replicas, string sessionId = "s-1")
    {
        var session = new Session(sessionId, Alice.User, ["developers"], "agent", "demo", DateTimeOffset.UtcNow.AddHours(1));
        var request = new DecisionRequest
        {
            Session = session,
            Info = RequestInfoResolver.Resolve("PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale", QueryParameters.Empty),
            Method = "PATCH",
            ContentType = "application/merge-patch+json",
            Body = System.Text.Encoding.UTF8.GetBytes("{\"spec\":{\"replicas\":" + replicas + "}}"),
            Target = "/apis/apps/v1/namespaces/default/deployments/web/scale",
            AuditId = Guid.NewGuid().ToString(),
        };
        return (request, new Decision { Action = DecisionAction.Approve, Rule = "scale-needs-approval", Message = "Scaling changes how much runs in the cluster." });
    }

    /// <summary>Waits until the approval for the request shows as pending at the desk, and returns its id.</summary>
    public async Task<string> PendingIdAsync(string sessionId = "s-1", int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var pending = (await Desk.ListPendingAsync()).Where(p => p.SessionId == sessionId).ToList();
            if (pending.Count >= count)
            {
                return pending[^1].ApprovalId;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no approval became pending");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _notifications.Dispose();
    }

    private sealed class FixedPolicySource(PolicyDocument document) : IPolicySource
    {
        public PolicyDocument Current => document;

        public long Version => 1;

        public event EventHandler? Changed
        {
            add { }
            remove { }
        }
    }
}
