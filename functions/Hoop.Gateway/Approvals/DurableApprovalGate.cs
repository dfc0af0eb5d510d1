using System.Text;
using Hoop.Gateway.Pipeline;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// The approve stage: forward a request whose approval has landed (consumed once), or start / join its approval
/// orchestration and hold the call up to <see cref="ApprovalOptions.HoldSeconds"/>.
/// </summary>
/// <remarks>
/// <code>
///  fingerprint → generation g → id = hash(session, fingerprint, g)
///  no instance       → claim the start (pending cap) → schedule the orchestration → hold
///  running           → hold (join)
///  approved          → session still valid? (fresh read, not the cache; else 401) → consume once → forward;
///                      consumed already → g+1 (a new approval for this new execution)
///  denied / expired  → g+1, 403 naming the approver or the timeout
/// </code>
/// </remarks>
internal sealed class DurableApprovalGate : IApprovalGate
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly IDurableClientSource _clients;
    private readonly IApprovalLedger _ledger;
    private readonly IPolicySource _policy;
    private readonly IAuditJournal _journal;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _time;
    private readonly ISessionValidity? _sessions;

    public DurableApprovalGate(DurableTaskClient client, IApprovalLedger ledger, IPolicySource policy, IAuditJournal journal, IOptions<ApprovalOptions> options, TimeProvider time)
        : this(new FixedDurableClientSource(client), ledger, policy, journal, options, time, sessions: null)
    {
    }

    /// <summary>
    /// The gate over a client per request (<paramref name="clients"/>); <paramref name="sessions"/> re-reads the session
    /// before an approval is consumed (without it only the session's own expiry is checked then).
    /// </summary>
    public DurableApprovalGate(
        IDurableClientSource clients, IApprovalLedger ledger, IPolicySource policy, IAuditJournal journal, IOptions<ApprovalOptions> options, TimeProvider time, ISessionValidity? sessions)
    {
        _clients = clients;
        _ledger = ledger;
        _policy = policy;
        _journal = journal;
        _options = options.Value;
        _time = time;
        _sessions = sessions;
    }

    /// <summary>The gate as the hosts register it: the client source when one is registered, else the process's one client.</summary>
    public static DurableApprovalGate Create(IServiceProvider services)
        => new(
            FixedDurableClientSource.Registered(services),
            services.GetRequiredService<IApprovalLedger>(),
            services.GetRequiredService<IPolicySource>(),
            services.GetRequiredService<IAuditJournal>(),
            services.GetRequiredService<IOptions<ApprovalOptions>>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ISessionValidity>());

    public async ValueTask<GatewayRefusal?> AwaitApprovalAsync(DecisionRequest request, Decision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        if (!ApprovalFingerprint.TryCompute(request.Method, request.Target, request.ContentType, request.Body.Span, out var fingerprint, out var unfit))
        {
            return GatewayRefusal.Forbidden($"{unfit} (this request needs approval)");
        }

        var client = _clients.GetClient();
        var session = request.Session;
        var deadline = _time.GetUtcNow().AddSeconds(_options.HoldSeconds);
        while (true)
        {
            var (generation, id, state) = await ApprovalCycle.CurrentAsync(_ledger, client, session.Id, fingerprint, cancellationToken);
            if (state is null)
            {
                var claimed = await _ledger.TryClaimStartAsync(session.Id, id, _options.MaxPendingPerSession, cancellationToken);
                if (claimed is null)
                {
                    return GatewayRefusal.Forbidden(
                        $"this session already has {_options.MaxPendingPerSession} approvals pending: wait for them to be decided before asking for more");
                }

                if (claimed == true)
                {
                    await StartAsync(client, id, request, decision, cancellationToken);
                }
            }
            else if (state.IsCompleted)
            {
                var (refusal, settled) = await SettleAsync(state, request, fingerprint, generation, cancellationToken);
                if (settled)
                {
                    return refusal;
                }

                continue;
            }

            // Hold: forward the moment the approval lands, or tell the agent to come back.
            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return Pending(id);
            }

            if (!await WaitAsync(client, id, remaining, cancellationToken))
            {
                return Pending(id);
            }
        }
    }

    private static GatewayRefusal Pending(string id)
        => GatewayRefusal.Forbidden($"approval {id} is pending; run the same command again once approved");

    private async Task StartAsync(DurableTaskClient client, string id, DecisionRequest request, Decision decision, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var timeout = ApprovalRules.Timeout(_policy.Current, request.Session.Role, decision.Rule) ?? _options.DefaultTimeout;
        var input = new ApprovalRequest
        {
            ApprovalId = id,
            SessionId = request.Session.Id,
            AuditId = request.AuditId,
            Requester = request.Session.User,
            Connection = request.Session.Connection,
            Method = request.Method,
            Target = request.Target,
            ContentType = request.ContentType,
            Body = Encoding.UTF8.GetString(request.Body.Span),
            Rule = decision.Rule ?? "",
            Message = decision.Message,
            ApproverGroups = ApprovalRules.ApproverGroups(_policy.Current, request.Session.Role, decision.Rule),
            Approvers = ApprovalRules.ApproverNames(_policy.Current, request.Session.Role, decision.Rule),
            Timeout = timeout,
            Verb = request.Info.Verb,
            ApiGroup = request.Info.ApiGroup,
            Resource = request.Info.Resource,
            Subresource = request.Info.Subresource,
            Namespace = request.Info.Namespace,
            Name = request.Info.Name,
            RequestedAt = now,
            ExpiresAt = now + timeout,
        };
        await _journal.RecordApprovalAsync(
            new ApprovalRecord
            {
                SessionId = input.SessionId,
                AuditId = input.AuditId,
                ApprovalId = id,
                Step = ApprovalRecord.Steps.Requested,
                Actor = input.Requester,
                Comment = decision.Rule,
                At = now,
            },
            cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(ApprovalTasks.Orchestration, input, new StartOrchestrationOptions(id), cancellationToken);
    }

    private async Task<(GatewayRefusal? Refusal, bool Settled)> SettleAsync(
        OrchestrationMetadata state, DecisionRequest request, string fingerprint, int generation, CancellationToken cancellationToken)
    {
        var session = request.Session;
        await _ledger.FinishAsync(session.Id, state.InstanceId, cancellationToken);
        var outcome = ApprovalCycle.Outcome(state);
        if (outcome?.Outcome == ApprovalOutcome.Approved)
        {
            // The session may have ended or expired while the call was held or the approval waited: a fresh look, and
            // the approval stays unconsumed (the session cannot come back, so nothing can use it).
            if (await SessionEndedAsync(session, cancellationToken) is { } ended)
            {
                return (GatewayRefusal.Unauthorized($"{ended} (approval {state.InstanceId} was not used)"), true);
            }

            if (!await ApprovalCycle.UseOnceAsync(_ledger, session.Id, fingerprint, generation, state.InstanceId, cancellationToken))
            {
                // Used by an earlier call: this identical request is a new execution and needs its own approval.
                return (null, false);
            }

            await _journal.RecordApprovalAsync(
                new ApprovalRecord
                {
                    SessionId = session.Id,
                    AuditId = request.AuditId,
                    ApprovalId = state.InstanceId,
                    Step = ApprovalRecord.Steps.Executed,
                    Actor = session.User,
                    At = _time.GetUtcNow(),
                },
                cancellationToken);
            return (null, true);
        }

        await _ledger.TryAdvanceAsync(session.Id, fingerprint, generation, cancellationToken);
        return (GatewayRefusal.Forbidden(ApprovalCycle.Refusal("approval", state, outcome)), true);
    }

    private async ValueTask<string?> SessionEndedAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.ExpiresAt <= _time.GetUtcNow())
        {
            return SessionTokenAuthenticator.SessionEnded;
        }

        return _sessions is null ? null : await _sessions.CheckAsync(session, cancellationToken);
    }

    /// <summary>Waits until the approval exists and completes, or <paramref name="hold"/> passes; true when it completed.</summary>
    private async Task<bool> WaitAsync(DurableTaskClient client, string id, TimeSpan hold, CancellationToken cancellationToken)
    {
        using var holdEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        holdEnds.CancelAfter(hold);
        try
        {
            while (true)
            {
                var state = await client.GetInstanceAsync(id, getInputsAndOutputs: false, holdEnds.Token);
                if (state is not null)
                {
                    await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, holdEnds.Token);
                    return true;
                }

                // Another call claimed the start and has not scheduled it yet.
                await Task.Delay(PollInterval, _time, holdEnds.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
