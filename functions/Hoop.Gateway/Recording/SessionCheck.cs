using System.Security.Cryptography;

namespace Hoop.Gateway.Recording;

/// <summary>The checks of one session's chain, fed its records in order (<see cref="JournalVerifier"/>).</summary>
internal sealed class SessionCheck(string table, string sessionId, JournalKeys keys, IReadOnlyList<AnchorHead>? anchors)
{
    private readonly HashSet<long> _anchored = [.. (anchors ?? []).Where(a => a.Table == table).Select(a => a.Sequence)];
    private readonly List<VerificationFinding> _problems = [];
    private readonly List<VerificationFinding> _notes = [];
    private readonly Dictionary<long, string> _chains = [];
    private readonly Dictionary<string, long> _unanswered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requestSegments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _responseSegments = new(StringComparer.Ordinal);
    private byte[] _previous = new byte[32];
    private long _expected = 1;
    private bool _ended;
    private DateTimeOffset? _expiresAt;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    public string Table { get; } = table;

    public string SessionId { get; } = sessionId;

    public long Records { get; private set; }

    public void Add(JournalEntry entry)
    {
        Records++;
        var sequence = entry.Sequence;
        var kind = entry.Kind;
        if (entry.Time is { } time)
        {
            _first ??= time;
            _last = time;
        }

        if (sequence < 0)
        {
            Problem(null, VerificationCodes.BadRowKey, $"row key '{entry.Entity.RowKey}' is not a sequence number");
            return;
        }

        if (sequence != _expected)
        {
            Problem(sequence, VerificationCodes.Gap, sequence > _expected
                ? $"records {_expected}..{sequence - 1} are missing (deleted)"
                : $"record {sequence} appears out of order");
        }

        CheckShape(entry, sequence, kind);
        var stored = entry.Text(JournalProperty.Chain);
        var computed = keys.Chain(_previous, CanonicalRecord.Encode(entry.Entity));
        var storedBytes = TryBase64(stored);
        if (storedBytes is null || !CryptographicOperations.FixedTimeEquals(storedBytes, computed))
        {
            // Reported at every break; the chain then continues from the stored value so later breaks are located too.
            Problem(sequence, VerificationCodes.BrokenLink, sequence == _expected
                ? $"record {sequence} ({kind}) does not match its chain value: it was altered, moved, or written without the key"
                : $"record {sequence} ({kind}) does not chain onto the record before it");
        }

        _previous = storedBytes ?? computed;
        if (_anchored.Contains(sequence))
        {
            _chains[sequence] = stored ?? "";
        }

        _expected = sequence + 1;
        Track(entry, sequence, kind);
    }

    public bool InRange(DateTimeOffset? from, DateTimeOffset? to)
        => (from is null || (_last ?? DateTimeOffset.MaxValue) >= from) && (to is null || (_first ?? DateTimeOffset.MinValue) <= to);

    public (List<VerificationFinding> Problems, List<VerificationFinding> Notes) Finish(DateTimeOffset now)
    {
        if (!_ended)
        {
            if (_expiresAt is { } expires && expires > now)
            {
                Note(null, VerificationCodes.OpenSession, $"the session is open (expires {JournalTime.ToText(expires)}); its end is not written yet");
            }
            else
            {
                Problem(_expected - 1, VerificationCodes.MissingEnd, $"the chain ends at record {_expected - 1} without a session end: records after it were deleted (truncated), or the gateway stopped before ending the session");
            }
        }

        if (_ended)
        {
            foreach (var (auditId, sequence) in _unanswered)
            {
                Note(sequence, VerificationCodes.NoResponse, $"request {auditId} has no response record");
            }
        }

        foreach (var (auditId, count) in _requestSegments)
        {
            Note(null, VerificationCodes.UnfinishedWrite, $"{count} request body segment(s) of {auditId} have no request record (a write that failed part-way)");
        }

        foreach (var head in anchors ?? [])
        {
            if (head.Table != Table)
            {
                continue;
            }

            if (!_chains.TryGetValue(head.Sequence, out var chain))
            {
                Problem(head.Sequence, VerificationCodes.AnchorMismatch, $"an anchor holds record {head.Sequence} as this session's head, but the journal no longer has it (truncated)");
            }
            else if (chain != head.Chain)
            {
                Problem(head.Sequence, VerificationCodes.AnchorMismatch, $"record {head.Sequence} differs from the head an anchor holds (rewritten)");
            }
        }

        return (_problems, _notes);
    }

    private void CheckShape(JournalEntry entry, long sequence, string kind)
    {
        if (!JournalSchema.IsKnownKind(kind))
        {
            Problem(sequence, VerificationCodes.UnknownKind, $"record {sequence} has kind '{kind}', which the gateway never writes");
            return;
        }

        if (sequence == 1 && kind != JournalRecordKind.SessionStarted)
        {
            Problem(sequence, VerificationCodes.NotStarted, $"the chain begins with {kind}, not a session start");
        }

        if (_ended)
        {
            Problem(sequence, VerificationCodes.AfterEnd, $"record {sequence} ({kind}) comes after the session's end");
        }

        foreach (var property in entry.Entity.Keys)
        {
            if (!JournalSchema.Allows(kind, property))
            {
                Problem(sequence, VerificationCodes.UnexpectedProperty, $"record {sequence} ({kind}) has a property '{property}' that no {kind} record has (merged in)");
            }
        }

        foreach (var property in JournalSchema.Required(kind))
        {
            if (!entry.Entity.ContainsKey(property))
            {
                Problem(sequence, VerificationCodes.MissingProperty, $"record {sequence} ({kind}) lacks '{property}'");
            }
        }
    }

    private void Track(JournalEntry entry, long sequence, string kind)
    {
        var auditId = entry.Text(JournalProperty.AuditId) ?? "";
        switch (kind)
        {
            case JournalRecordKind.SessionStarted:
                _expiresAt = JournalTime.TryParse(entry.Text(JournalProperty.ExpiresAt), out var expires) ? expires : null;
                break;
            case JournalRecordKind.SessionEnded:
                _ended = true;
                break;
            case JournalRecordKind.RequestBody:
                _requestSegments[auditId] = _requestSegments.GetValueOrDefault(auditId) + 1;
                break;
            case JournalRecordKind.Request:
                var declared = entry.Number(JournalProperty.BodySegments) ?? 0;
                var found = _requestSegments.GetValueOrDefault(auditId);
                _requestSegments.Remove(auditId);
                if (found < declared)
                {
                    Note(sequence, VerificationCodes.MissingSegments, $"request {auditId} declares {declared} body segment(s); {found} precede it");
                }

                _unanswered[auditId] = sequence;
                break;
            case JournalRecordKind.ResponseBody:
                _responseSegments[auditId] = _responseSegments.GetValueOrDefault(auditId) + 1;
                break;
            case JournalRecordKind.Response:
                var segments = entry.Number(JournalProperty.BodySegments) ?? 0;
                var written = _responseSegments.GetValueOrDefault(auditId);
                _responseSegments.Remove(auditId);
                _unanswered.Remove(auditId);
                if (written < segments)
                {
                    Note(sequence, VerificationCodes.MissingSegments, $"response {auditId} declares {segments} body segment(s); {written} were written");
                }

                break;
        }
    }

    private void Problem(long? sequence, string code, string message) => _problems.Add(new VerificationFinding(SessionId, sequence, code, message));

    private void Note(long? sequence, string code, string message) => _notes.Add(new VerificationFinding(SessionId, sequence, code, message));

    private static byte[]? TryBase64(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var buffer = new byte[32];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32 ? buffer : null;
    }
}
