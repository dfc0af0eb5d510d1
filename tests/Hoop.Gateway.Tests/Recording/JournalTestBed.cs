using Hoop.Gateway.Masking;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>A journal on the shared Azurite with its own tables and a fresh key; builds journals, readers, verifiers.</summary>
internal sealed class JournalTestBed : IAsyncDisposable
{
    private readonly List<TableJournal> _journals = [];

    private JournalTestBed(AzuriteProcess azurite, string prefix, TimeProvider time)
    {
        Options = new JournalOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix };
        Store = JournalStore.Create(Options);
        Time = time;
        var secret = JournalKeys.NewSecret();
        Keys = JournalKeys.FromSecret(secret);
        KeySource = new FixedKeySource(Keys);
    }

    public JournalOptions Options { get; private set; }

    public JournalStore Store { get; }

    public JournalKeys Keys { get; }

    public TimeProvider Time { get; }

    public IJournalKeySource KeySource { get; }

    public FolderAnchorStore Anchors { get; } = new(Path.Combine(Path.GetTempPath(), "hoop-anchors-" + Guid.NewGuid().ToString("N")));

    public static async Task<JournalTestBed> CreateAsync(TimeProvider? time = null, Func<JournalOptions, JournalOptions>? configure = null)
    {
        var bed = new JournalTestBed(await SharedAzurite.GetAsync(), SharedAzurite.NewPrefix(), time ?? TimeProvider.System);
        if (configure is not null)
        {
            bed.Options = configure(bed.Options);
        }

        return bed;
    }

    public static Session NewSession(string user = "hoop-dev:alice", TimeSpan? lifetime = null) => new(
        "s-" + Guid.NewGuid().ToString("N")[..12], user, ["developers"], "agent", "demo", DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromHours(1)));

    public TableJournal NewJournal(IResponseMasker? masker = null)
    {
        var journal = new TableJournal(Store, KeySource, masker ?? new PassThroughMasker(), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<TableJournal>.Instance);
        _journals.Add(journal);
        return journal;
    }

    public JournalReader Reader() => new(Store);

    public JournalVerifier Verifier(IAnchorStore? anchors = null) => new(Reader(), Keys, anchors, Time);

    public static RequestRecord Request(Session session, string method = "GET", string path = "/api/v1/namespaces/default/pods", byte[]? body = null, DecisionAction action = DecisionAction.Allow, string? rule = "read")
    {
        var query = path.Contains('?', StringComparison.Ordinal) ? path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var bare = query.Length == 0 ? path : path[..path.IndexOf('?', StringComparison.Ordinal)];
        return new RequestRecord
        {
            SessionId = session.Id,
            AuditId = Guid.NewGuid().ToString(),
            User = session.User,
            Connection = session.Connection,
            Method = method,
            Target = path,
            Info = RequestInfoResolver.Resolve(method, bare, QueryParameters.Parse(query)),
            Decision = new Decision { Action = action, Rule = rule, Message = action == DecisionAction.Block ? "Deleting is not allowed for AI agents" : null },
            ReceivedAt = DateTimeOffset.UtcNow,
            Body = body ?? ReadOnlyMemory<byte>.Empty,
            ContentType = body is null ? "" : "application/json",
            UserAgent = "kubectl/v1.33.0 (linux/amd64)",
            Session = session,
        };
    }

    /// <summary>Every entity of a session, in order.</summary>
    public async Task<List<JournalEntry>> ReadSessionAsync(string sessionId)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in Reader().ReadAsync(sessionId))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var journal in _journals)
        {
            await journal.DisposeAsync();
        }

        await foreach (var table in Store.ListTablesAsync())
        {
            await table.DeleteAsync();
        }
    }

    private sealed class FixedKeySource(JournalKeys keys) : IJournalKeySource
    {
        public ValueTask<JournalKeys> GetKeysAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(keys);
    }
}
