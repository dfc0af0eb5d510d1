using Hoop.Gateway.Approvals;
using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Hosting;
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
    private readonly int _holdSeconds;
    private readonly NotificationTestBed _notifications;

    private ApprovalTestHost(DurableTaskTestHost host, NotificationTestBed notifications, ListAuditJournal journal, int holdSeconds, IApprovalLedger? ledger)
    {
        _host = host;
        _notifications = notifications;
        _holdSeconds = holdSeconds;
        Journal = journal;
        Ledger = ledger ?? new InMemoryApprovalLedger();
        Desk = new ApprovalDesk(host.Client, TimeProvider.System, Ledger);
        Gate = new DurableApprovalGate(
            host.Client,
            Ledger,
            new FixedPolicySource(DefaultPolicy.Document),
            journal,
            Options.Create(new ApprovalOptions { HoldSeconds = holdSeconds }),
            TimeProvider.System);
    }

    public ListAuditJournal Journal { get; }

    public IApprovalLedger Ledger { get; }

    public ApprovalDesk Desk { get; }

    public DurableApprovalGate Gate { get; }

    public Microsoft.DurableTask.Client.DurableTaskClient Client => _host.Client;

    /// <summary>Starts the host; the gate uses <paramref name="ledger"/> (default: in memory).</summary>
    public static async Task<ApprovalTestHost> StartAsync(int holdSeconds = 2, IApprovalLedger? ledger = null)
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
                // The sidecar's own choice is a random port in 30000-40000 that may be taken; give it a free one.
                Port = NodeTool.FreePort(),
                ConfigureServices = services =>
                {
                    services.AddSingleton<IAuditJournal>(journal);
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton<IApprovalNotifier>(teams);
                },
            });
        return new ApprovalTestHost(host, notifications, journal, holdSeconds, ledger);
    }

    /// <summary>A second gate over the same orchestrations and ledger that re-reads sessions through <paramref name="sessions"/> and gets its client from <paramref name="clients"/>.</summary>
    public DurableApprovalGate GateWith(ISessionValidity? sessions, IDurableClientSource? clients = null) => new(
        clients ?? new FixedDurableClientSource(_host.Client),
        Ledger,
        new FixedPolicySource(DefaultPolicy.Document),
        Journal,
        Options.Create(new ApprovalOptions { HoldSeconds = _holdSeconds }),
        TimeProvider.System,
        sessions);

    /// <summary>A session approval gate over the same orchestrations, ledger and journal (the default policy's approvers).</summary>
    public DurableSessionApprovalGate SessionGate() => new(
        new FixedDurableClientSource(_host.Client),
        Ledger,
        new FixedPolicySource(DefaultPolicy.Document),
        Journal,
        Options.Create(new ApprovalOptions { HoldSeconds = _holdSeconds }),
        TimeProvider.System);

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

    /// <summary>An orchestration input for alice's scale request under <paramref name="id"/> (to schedule it directly).</summary>
    public static ApprovalRequest Input(string id, TimeSpan? timeout = null)
    {
        var (request, decision) = Scale(3);
        return new ApprovalRequest
        {
            ApprovalId = id,
            SessionId = request.Session.Id,
            AuditId = request.AuditId,
            Requester = request.Session.User,
            Connection = "demo",
            Method = request.Method,
            Target = request.Target,
            Rule = decision.Rule!,
            ApproverGroups = ["sre-leads"],
            Timeout = timeout ?? TimeSpan.FromMinutes(15),
        };
    }

    /// <summary>Waits until the approval for the request shows as pending at the desk and can be decided, and returns its id.</summary>
    public async Task<string> PendingIdAsync(string sessionId = "s-1", int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var pending = (await Desk.ListPendingAsync()).Where(p => p.SessionId == sessionId).ToList();
            // Listed covers Pending too; decidable needs Running (the desk's own check), or a decision would get 404.
            if (pending.Count >= count && await Desk.GetPendingAsync(pending[^1].ApprovalId) is not null)
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
