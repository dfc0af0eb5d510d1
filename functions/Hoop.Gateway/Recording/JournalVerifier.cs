namespace Hoop.Gateway.Recording;

/// <summary>
/// Recomputes every session's chain and checks its shape (<c>hoop audit verify</c>): broken links (altered, reordered or
/// forged records), gaps (deleted records), a missing session end (truncation), properties no record of the kind has (a
/// Merge), and the heads held by the WORM anchors (truncation or rewrite of a whole tail or session).
/// </summary>
/// <remarks>Reads the journal once, in order, one session at a time: memory is bounded by one session's open requests.</remarks>
internal sealed class JournalVerifier(JournalReader reader, JournalKeys keys, IAnchorStore? anchors, TimeProvider time)
{
    /// <summary>Verifies one session, or the sessions with records in [<paramref name="from"/>, <paramref name="to"/>], or everything.</summary>
    public async Task<VerificationReport> VerifyAsync(string? sessionId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var problems = new List<VerificationFinding>();
        var notes = new List<VerificationFinding>();
        var anchored = await LoadAnchorsAsync(problems, cancellationToken);
        var sessions = 0;
        long records = 0;
        SessionCheck? current = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Finish()
        {
            if (current is null)
            {
                return;
            }

            var check = current;
            current = null;
            seen.Add(check.SessionId);
            var (sessionProblems, sessionNotes) = check.Finish(time.GetUtcNow());
            if (!check.InRange(from, to) && sessionProblems.Count == 0)
            {
                return;
            }

            sessions++;
            records += check.Records;
            problems.AddRange(sessionProblems);
            notes.AddRange(sessionNotes);
        }

        await foreach (var entry in reader.ReadAsync(sessionId, from, to, withBodies: true, cancellationToken))
        {
            if (current is null || current.SessionId != entry.SessionId || current.Table != entry.Table)
            {
                Finish();
                current = new SessionCheck(entry.Table, entry.SessionId, keys, anchored.GetValueOrDefault(entry.SessionId));
            }

            current.Add(entry);
        }

        Finish();
        foreach (var (session, heads) in anchored)
        {
            if (!seen.Contains(session) && (sessionId is null || sessionId == session))
            {
                var head = heads.MaxBy(h => h.Sequence)!;
                problems.Add(new VerificationFinding(session, head.Sequence, VerificationCodes.AnchorMismatch,
                    $"an anchor holds this session's head at record {head.Sequence}, but the journal has no record of the session (deleted)"));
            }
        }

        return new VerificationReport { Sessions = sessions, Records = records, Problems = problems, Notes = notes };
    }

    private async Task<Dictionary<string, List<AnchorHead>>> LoadAnchorsAsync(List<VerificationFinding> problems, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<string, List<AnchorHead>>(StringComparer.Ordinal);
        if (anchors is null)
        {
            return heads;
        }

        await foreach (var (name, content) in anchors.ReadAllAsync(cancellationToken))
        {
            var document = AnchorDocument.Parse(content);
            if (document is null || !document.IsAuthentic(keys))
            {
                problems.Add(new VerificationFinding("", null, VerificationCodes.AnchorInvalid, $"anchor {name} is not an authentic anchor (its MAC does not verify)"));
                continue;
            }

            foreach (var head in document.Heads.Where(h => reader.Store.MonthOf(h.Table) is not null))
            {
                if (!heads.TryGetValue(head.SessionId, out var list))
                {
                    heads[head.SessionId] = list = [];
                }

                list.Add(head);
            }
        }

        return heads;
    }
}
