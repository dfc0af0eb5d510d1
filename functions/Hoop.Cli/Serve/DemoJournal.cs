using System.Text.Json;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;

namespace Hoop.Cli.Serve;

/// <summary>
/// The demo's journal: Azurite started with its data under <c>DIR/azurite</c> (unless <c>--storage</c> points elsewhere),
/// the chain key in the local secret store (created on first use), anchors in <c>DIR/anchors</c>, and
/// <c>DIR/storage.json</c> so that <c>hoop audit ... --state-dir DIR</c> finds it all.
/// </summary>
internal sealed class DemoJournal : IAsyncDisposable
{
    public const string StateFile = "storage.json";

    private DemoJournal(AzuriteProcess? azurite, string connectionString, string anchorDirectory, FileSecretStore secrets)
    {
        Azurite = azurite;
        ConnectionString = connectionString;
        AnchorDirectory = anchorDirectory;
        Secrets = secrets;
    }

    /// <summary>The Azurite this demo started (null with <c>--storage</c>).</summary>
    public AzuriteProcess? Azurite { get; }

    public string ConnectionString { get; }

    public string AnchorDirectory { get; }

    public FileSecretStore Secrets { get; }

    /// <summary>The gateway settings that point the journal here.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [SettingNames.JournalConnectionString] = ConnectionString,
        [SettingNames.AnchorDirectory] = AnchorDirectory,
    };

    public static async Task<DemoJournal> StartAsync(string stateDir, string? storage, CancellationToken cancellationToken = default)
    {
        var secrets = new FileSecretStore(Path.Combine(stateDir, "secrets"));
        if (await secrets.GetSecretAsync(JournalKeys.SecretName, cancellationToken) is null)
        {
            await secrets.SetSecretAsync(JournalKeys.SecretName, JournalKeys.NewSecret(), cancellationToken);
        }

        var azurite = storage is null ? await AzuriteProcess.StartAsync(Path.Combine(stateDir, "azurite"), cancellationToken) : null;
        var journal = new DemoJournal(azurite, storage ?? azurite!.ConnectionString, Path.Combine(stateDir, "anchors"), secrets);
        var path = Path.Combine(stateDir, StateFile);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { connectionString = journal.ConnectionString, anchorDirectory = journal.AnchorDirectory }), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // --storage may carry an account key.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return journal;
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}
