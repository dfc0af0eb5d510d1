using System.Text.RegularExpressions;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>
/// The journal is insert-only (docs/security/invariants.md): no shipped code updates, upserts or deletes a Table entity
/// or drops a table. The scan covers every C# file under functions/.
/// </summary>
public sealed partial class InsertOnlyJournalTests
{
    [Fact]
    public void FunctionsCode_TableWrites_AreInsertsOnly()
    {
        var root = RepositoryRoot();
        var offences = Directory.EnumerateFiles(Path.Combine(root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => File.ReadLines(p).Select((line, i) => (Path: p, Line: i + 1, Text: line)))
            .Where(l => ForbiddenTableWrite().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.Path)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Table writes other than inserts:\n" + string.Join("\n", offences));
    }

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
}
