namespace Hoop.Gateway.Recording;

/// <summary>
/// Builds the <see cref="EvidenceReport"/> of a period from the journal (records without bodies) and the verifier, so
/// every count is a count of journal records and every session carries its own verification result.
/// </summary>
/// <remarks>
/// A record belongs to the period when its <c>Time</c> lies in [from, to]; a session is listed when any of its records
/// does. Approvals and masking counts appear when those records exist; a journal without them reports none.
/// </remarks>
internal sealed class EvidenceReportBuilder(JournalReader reader, JournalVerifier verifier, TimeProvider time)
{
    public async Task<EvidenceReport> BuildAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string> configuration, CancellationToken cancellationToken = default)
    {
        var sessions = new Dictionary<string, SessionState>(StringComparer.Ordinal);
        var decisions = new Dictionary<(string Rule, string Decision), int>();
        var days = new SortedDictionary<DateOnly, int[]>();
        var approvals = new Dictionary<string, ApprovalState>(StringComparer.Ordinal);
        var requesters = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<EvidenceError>();
        int responses = 0, masked = 0;

        await foreach (var entry in reader.ReadAsync(null, from, to, withBodies: false, cancellationToken))
        {
            if (!sessions.TryGetValue(entry.SessionId, out var session))
            {
                session = new SessionState(entry.SessionId);
                sessions[entry.SessionId] = session;
            }

            var inPeriod = entry.Time is { } t && t >= from && t <= to;
            session.InPeriod |= inPeriod;
            switch (entry.Kind)
            {
                case JournalRecordKind.SessionStarted:
                    session.User = entry.Text(JournalProperty.User) ?? "";
                    session.Role = entry.Text(JournalProperty.Role) ?? "";
                    session.Connection = entry.Text(JournalProperty.Connection) ?? "";
                    session.Started = entry.Time;
                    break;
                case JournalRecordKind.SessionEnded:
                    session.Ended = entry.Time;
                    session.EndReason = entry.Text(JournalProperty.Reason) ?? "";
                    break;
                case JournalRecordKind.Request:
                    var auditId = entry.Text(JournalProperty.AuditId) ?? "";
                    requesters[auditId] = entry.Text(JournalProperty.User) ?? session.User;
                    if (inPeriod)
                    {
                        session.Requests++;
                        var decision = entry.Text(JournalProperty.Decision) ?? "";
                        var key = (entry.Text(JournalProperty.Rule) ?? "", decision);
                        decisions[key] = decisions.GetValueOrDefault(key) + 1;
                        var day = DateOnly.FromDateTime(entry.Time!.Value.UtcDateTime);
                        var counts = days.TryGetValue(day, out var c) ? c : days[day] = new int[3];
                        counts[decision switch { "allow" => 0, "block" => 1, _ => 2 }]++;
                    }

                    break;
                case JournalRecordKind.Approval:
                    var approvalId = entry.Text(JournalProperty.ApprovalId) ?? "";
                    if (!approvals.TryGetValue(approvalId, out var approval))
                    {
                        approval = new ApprovalState(approvalId, entry.SessionId, entry.Text(JournalProperty.AuditId) ?? "");
                        approvals[approvalId] = approval;
                    }

                    approval.Add(entry, inPeriod);
                    break;
                case JournalRecordKind.Response when inPeriod:
                    responses++;
                    masked += entry.Entity.TryGetValue(JournalProperty.Masked, out var m) && m is true ? 1 : 0;
                    if (entry.Number(JournalProperty.Status) is >= 500 and var status)
                    {
                        errors.Add(new EvidenceError(entry.SessionId, entry.Time, "refusal", "response", entry.Text(JournalProperty.Error) ?? "", (int?)status));
                    }

                    break;
                case JournalRecordKind.Error when inPeriod:
                    errors.Add(new EvidenceError(entry.SessionId, entry.Time, "error", entry.Text(JournalProperty.Stage) ?? "", entry.Text(JournalProperty.Message) ?? "", null));
                    break;
                default:
                    break;
            }
        }

        var verification = await verifier.VerifyAsync(null, from, to, cancellationToken);
        var problemsBySession = verification.Problems.ToLookup(p => p.SessionId, StringComparer.Ordinal);
        return new EvidenceReport
        {
            From = from,
            To = to,
            GeneratedAt = time.GetUtcNow(),
            Verified = verification.Verified,
            Configuration = new SortedDictionary<string, string>(configuration.ToDictionary(), StringComparer.Ordinal),
            Sessions = [.. sessions.Values.Where(s => s.InPeriod).OrderBy(s => s.Started).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.ToEvidence(problemsBySession[s.Id]))],
            Decisions = [.. decisions.OrderBy(d => d.Key.Rule, StringComparer.Ordinal).ThenBy(d => d.Key.Decision, StringComparer.Ordinal).Select(d => new EvidenceDecisionCount(d.Key.Rule, d.Key.Decision, d.Value))],
            DecisionsPerDay = [.. days.Select(d => new EvidenceDayCount(d.Key, d.Value[0], d.Value[1], d.Value[2]))],
            Approvals = [.. approvals.Values.Where(a => a.InPeriod).OrderBy(a => a.RequestedAt).Select(a => a.ToEvidence(requesters.GetValueOrDefault(a.AuditId) ?? a.RequestedBy ?? sessions.GetValueOrDefault(a.SessionId)?.User ?? ""))],
            Masking = new EvidenceMasking { MaskedResponses = masked, Responses = responses, ByRule = [] },
            Errors = errors,
            Problems = verification.Problems,
        };
    }

    private sealed class SessionState(string id)
    {
        public string Id { get; } = id;

        public string User { get; set; } = "";

        public string Role { get; set; } = "";

        public string Connection { get; set; } = "";

        public DateTimeOffset? Started { get; set; }

        public DateTimeOffset? Ended { get; set; }

        public string? EndReason { get; set; }

        public int Requests { get; set; }

        public bool InPeriod { get; set; }

        public EvidenceSession ToEvidence(IEnumerable<VerificationFinding> problems) => new()
        {
            Id = Id,
            User = User,
            Role = Role,
            Connection = Connection,
            Started = Started,
            Ended = Ended,
            EndReason = EndReason,
            Requests = Requests,
            Verified = !problems.Any(),
            Problems = [.. problems.Select(p => p.Code).Distinct(StringComparer.Ordinal)],
        };
    }

    private sealed class ApprovalState(string approvalId, string sessionId, string auditId)
    {
        private DateTimeOffset? _decidedAt;
        private string? _approver;
        private string? _decision;
        private string? _comment;

        public string AuditId { get; } = auditId;

        public string SessionId { get; } = sessionId;

        public DateTimeOffset? RequestedAt { get; private set; }

        /// <summary>The requested step's actor: the requester even where no request record names one (session approvals, in a refusal partition).</summary>
        public string? RequestedBy { get; private set; }

        public bool InPeriod { get; private set; }

        public void Add(JournalEntry entry, bool inPeriod)
        {
            InPeriod |= inPeriod;
            var at = JournalTime.TryParse(entry.Text(JournalProperty.At), out var parsed) ? parsed : entry.Time;
            switch (entry.Text(JournalProperty.Step))
            {
                case ApprovalRecord.Steps.Requested:
                    RequestedAt = at;
                    RequestedBy = entry.Text(JournalProperty.Actor);
                    break;
                case ApprovalRecord.Steps.Decided:
                    _decidedAt = at;
                    _approver = entry.Text(JournalProperty.Actor);
                    _decision = entry.Text(JournalProperty.Outcome);
                    _comment = entry.Text(JournalProperty.Comment);
                    break;
                default:
                    break;
            }
        }

        public EvidenceApproval ToEvidence(string requester) => new()
        {
            ApprovalId = approvalId,
            SessionId = SessionId,
            AuditId = AuditId,
            Requester = requester,
            Approver = _approver,
            Decision = _decision,
            Comment = _comment,
            RequestedAt = RequestedAt,
            DecidedAt = _decidedAt,
            WaitSeconds = RequestedAt is { } r && _decidedAt is { } d ? (d - r).TotalSeconds : null,
        };
    }
}
