using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Just-in-time session approval over the same orchestration, ledger and desk as approve rules: <c>POST /sessions</c>
/// for a role with <c>sessionApproval</c> starts (or joins) an approval and answers 202; once approved, the same POST
/// consumes it once and the session starts.
/// </summary>
/// <remarks>
/// <code>
///  fingerprint = hash(role, connection, ttl, reason); ledger key "person:" + user; id = hash(key, fingerprint, g)
///  no instance       → claim the start (pending cap per person) → journal "requested" → schedule → Pending
///  running           → Pending (join)
///  approved          → consume once → g+1 → Approved (the caller starts the session, then journals "executed");
///                      consumed already → g+1, ask again
///  denied / expired  → g+1, Refused naming the approver or the timeout
/// </code>
/// A person has no session yet, so the steps are journaled in the refusal partition of the day the approval was asked
/// for (<see cref="JournalSessionAudit.RefusalPartition"/>), the requested step naming the person, role and connection.
/// No call is held: a person at a terminal runs the command again (or <c>hoop session start --wait</c> polls).
/// </remarks>
internal sealed class DurableSessionApprovalGate : ISessionApprovalGate
{
    /// <summary>The verb an approval to start a session carries (<see cref="ApprovalRequest.Verb"/>).</summary>
    public const string Verb = "start-session";

    private readonly IDurableClientSource _clients;
    private readonly IApprovalLedger _ledger;
    private readonly IPolicySource _policy;
    private readonly IAuditJournal _journal;
    private readonly ApprovalOptions _options;
    private readonly TimeProvider _time;

    public DurableSessionApprovalGate(
        IDurableClientSource clients, IApprovalLedger ledger, IPolicySource policy, IAuditJournal journal, IOptions<ApprovalOptions> options, TimeProvider time)
    {
        _clients = clients;
        _ledger = ledger;
        _policy = policy;
        _journal = journal;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The gate as the hosts register it: the same client source as the approve stage.</summary>
    public static DurableSessionApprovalGate Create(IServiceProvider services)
        => new(
            FixedDurableClientSource.Registered(services),
            services.GetRequiredService<IApprovalLedger>(),
            services.GetRequiredService<IPolicySource>(),
            services.GetRequiredService<IAuditJournal>(),
            services.GetRequiredService<IOptions<ApprovalOptions>>(),
            services.GetRequiredService<TimeProvider>());

    /// <summary>The ledger's stand-in for a session: a person asking for one has none yet.</summary>
    public static string LedgerKey(string user) => "person:" + user;

    public async ValueTask<SessionApprovalResult> AwaitAsync(SessionApprovalAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var client = _clients.GetClient();
        var key = LedgerKey(ask.User);
        var fingerprint = Fingerprint(ask);
        var groups = ApproverGroups(ask.Approvers);
        while (true)
        {
            var (generation, id, state) = await ApprovalCycle.CurrentAsync(_ledger, client, key, fingerprint, cancellationToken);
            if (state is null)
            {
                var claimed = await _ledger.TryClaimStartAsync(key, id, _options.MaxPendingPerSession, cancellationToken);
                if (claimed is null)
                {
                    return Refused(
                        "",
                        $"you already have {_options.MaxPendingPerSession} session approvals pending: wait for them to be decided before asking for more");
                }

                if (claimed == true)
                {
                    await StartAsync(client, id, ask, groups, cancellationToken);
                }

                return Pending(id, ask);
            }

            if (!state.IsCompleted)
            {
                return Pending(id, ask);
            }

            await _ledger.FinishAsync(key, id, cancellationToken);
            var outcome = ApprovalCycle.Outcome(state);
            if (outcome?.Outcome == ApprovalOutcome.Approved)
            {
                if (!await ApprovalCycle.UseOnceAsync(_ledger, key, fingerprint, generation, id, cancellationToken))
                {
                    // Used by an earlier POST: this one is a new session and needs its own approval.
                    continue;
                }

                return new SessionApprovalResult
                {
                    State = SessionApprovalState.Approved,
                    ApprovalId = id,
                    Message = $"approved by {outcome.Approver}",
                    JournalPartition = state.ReadInputAs<ApprovalRequest>()?.SessionId ?? "",
                };
            }

            await _ledger.TryAdvanceAsync(key, fingerprint, generation, cancellationToken);
            var refusal = ApprovalCycle.Refusal("session approval", state, outcome);
            return Refused(id, outcome?.Outcome == ApprovalOutcome.Expired ? refusal + "; run the command again to ask again" : refusal);
        }
    }

    public async ValueTask StartedAsync(SessionApprovalResult approved, Session session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(session);
        if (approved.State != SessionApprovalState.Approved || approved.JournalPartition.Length == 0)
        {
            return;
        }

        await _journal.RecordApprovalAsync(
            new ApprovalRecord
            {
                SessionId = approved.JournalPartition,
                AuditId = approved.ApprovalId,
                ApprovalId = approved.ApprovalId,
                Step = ApprovalRecord.Steps.Executed,
                Actor = session.User,
                Comment = $"session {session.Id} started: role {session.Role} on connection {session.Connection}",
                At = _time.GetUtcNow(),
            },
            cancellationToken);
    }

    /// <summary>What identifies the ask: the same role, connection, lifetime and reason join one approval.</summary>
    internal static string Fingerprint(SessionApprovalAsk ask)
    {
        var text = string.Join('\n', Verb, ask.Role, ask.Connection, ask.Ttl.TotalSeconds.ToString(CultureInfo.InvariantCulture), ask.Reason);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static SessionApprovalResult Refused(string id, string message)
        => new() { State = SessionApprovalState.Refused, ApprovalId = id, Message = message };

    private static SessionApprovalResult Pending(string id, SessionApprovalAsk ask) => new()
    {
        State = SessionApprovalState.Pending,
        ApprovalId = id,
        Message = $"waiting for approval {id} by {string.Join(" or ", ask.Approvers)} (run the same command again once approved)",
    };

    private IReadOnlyList<string> ApproverGroups(IReadOnlyList<string> approvers)
    {
        var policy = _policy.Current;
        return [.. approvers.Where(policy.Approvers.ContainsKey).SelectMany(name => policy.Approvers[name].Groups).Distinct(StringComparer.Ordinal)];
    }

    private async Task StartAsync(DurableTaskClient client, string id, SessionApprovalAsk ask, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var timeout = ask.Timeout ?? _options.DefaultTimeout;
        var partition = JournalSessionAudit.RefusalPartition(now);
        var ttl = SessionTtlText(ask.Ttl);
        var input = new ApprovalRequest
        {
            ApprovalId = id,
            SessionId = partition,
            AuditId = id,
            Requester = ask.User,
            Connection = ask.Connection,
            Method = "POST",
            Target = "/sessions",
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["role"] = ask.Role,
                ["connection"] = ask.Connection,
                ["ttl"] = ttl,
                ["reason"] = ask.Reason,
            }),
            Rule = $"{ask.Role}/sessionApproval",
            Message = $"{ask.User} asks to start a session as {ask.Role} on {ask.Connection} for {ttl}",
            ApproverGroups = groups,
            Timeout = timeout,
            Verb = Verb,
            Resource = "sessions",
            Name = ask.Role,
            RequestedAt = now,
            ExpiresAt = now + timeout,
        };

        // A person with no session has no partition: the day's refusal partition takes the steps (started by this
        // record when it is the day's first).
        await _journal.RecordApprovalAsync(
            new ApprovalRecord
            {
                SessionId = partition,
                AuditId = id,
                ApprovalId = id,
                Step = ApprovalRecord.Steps.Requested,
                Actor = ask.User,
                Comment = $"start a session: role {ask.Role} on connection {ask.Connection} for {ttl} (reason: {ask.Reason})",
                At = now,
                Session = JournalSessionAudit.RefusalSession(now),
            },
            cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(ApprovalTasks.Orchestration, input, new StartOrchestrationOptions(id), cancellationToken);
    }

    private static string SessionTtlText(TimeSpan ttl)
        => ttl.TotalMinutes >= 1 && ttl.Seconds == 0
            ? (ttl.Hours + (ttl.Days * 24) > 0 ? $"{ttl.Hours + (ttl.Days * 24)}h" : "") + (ttl.Minutes > 0 ? $"{ttl.Minutes}m" : "")
            : $"{(long)ttl.TotalSeconds}s";
}
