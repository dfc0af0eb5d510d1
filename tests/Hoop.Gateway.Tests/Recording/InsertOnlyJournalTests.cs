using System.Text.RegularExpressions;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>
/// The journal is insert-only (docs/security/invariants.md #8): no shipped code updates, upserts or deletes a Table
/// entity or drops a table. The scan covers every C# file under functions/, except the approval ledger, a different
/// table whose conditional replaces and retention deletes are its purpose; that one file may not touch the journal.
/// </summary>
public sealed partial class InsertOnlyJournalTests
{
    /// <summary>The only files allowed to replace or delete entities: the approval ledger (its own table, never the journal's).</summary>
    private static readonly string[] LedgerFiles = ["functions/Hoop.Gateway/Approvals/TableApprovalLedger.cs"];

    [Fact]
    public void FunctionsCode_TableWrites_AreInsertsOnly()
    {
        var root = RepositoryRoot();
        var offences = SourceFiles(root)
            .Where(p => !LedgerFiles.Contains(Relative(root, p), StringComparer.Ordinal))
            .SelectMany(p => File.ReadLines(p).Select((line, i) => (Path: p, Line: i + 1, Text: line)))
            .Where(l => ForbiddenTableWrite().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.Path)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Table writes other than inserts:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void LedgerFiles_Exempted_ExistAndNeverNameTheJournal()
    {
        var root = RepositoryRoot();
        foreach (var file in LedgerFiles)
        {
            var path = Path.Combine(root, file);
            Assert.True(File.Exists(path), $"{file} is exempted from the insert-only scan but does not exist: remove the exemption");
            var journal = File.ReadLines(path).Select((line, i) => (Line: i + 1, Text: line)).Where(l => JournalName().IsMatch(l.Text)).ToList();
            Assert.True(journal.Count == 0, $"{file} may replace and delete entities, so it must not reach the journal:\n" + string.Join("\n", journal));
        }
    }

    [Theory]
    [InlineData("private readonly JournalStore _store;")]
    [InlineData("IAuditJournal journal")]
    [InlineData("var options = new JournalOptions();")]
    [InlineData("service.GetTableClient(\"hoopjournal202611\")")]
    public void JournalName_JournalTypesAndTables_AreCaught(string line)
    {
        Assert.Matches(JournalName(), line);
    }

    private static IEnumerable<string> SourceFiles(string root)
        => Directory.EnumerateFiles(Path.Combine(root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    [Theory]
    [InlineData("await table.UpdateEntityAsync(entity, ETag.All);")]
    [InlineData("client.UpsertEntity(e, TableUpdateMode.Merge);")]
    [InlineData("await table.DeleteEntityAsync(pk, rk);")]
    [InlineData("new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)")]
    [InlineData("new TableTransactionAction(TableTransactionActionType.Delete, e)")]
    [InlineData("await service.DeleteTableAsync(name);")]
    [InlineData("await table.DeleteAsync();")]
    public void ForbiddenTableWrite_KnownWrites_AreCaught(string line)
    {
        Assert.Matches(ForbiddenTableWrite(), line);
    }

    [Theory]
    [InlineData("await table.AddEntityAsync(entity);")]
    [InlineData("new TableTransactionAction(TableTransactionActionType.Add, entity)")]
    [InlineData("await table.SubmitTransactionAsync(actions);")]
    public void ForbiddenTableWrite_Inserts_AreAllowed(string line)
    {
        Assert.DoesNotMatch(ForbiddenTableWrite(), line);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hoop.Functions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"\b(Update|Upsert|Delete)Entit(y|ies)(Async)?\b|TableTransactionActionType\.(Update|Upsert|Delete)|\bDeleteTable(Async)?\b|\b\w*[Tt]able\w*\.Delete(Async)?\(")]
    private static partial Regex ForbiddenTableWrite();

    [GeneratedRegex(@"Journal|hoopjournal", RegexOptions.IgnoreCase)]
    private static partial Regex JournalName();
}
