using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json;
using Hoop.Cli.Serve;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;

namespace Hoop.Cli.Commands;

/// <summary>
/// How journal commands reach the journal (DESIGN.md §8): <c>--storage CONNECTION</c>, <c>--account NAME</c>
/// (DefaultAzureCredential), or <c>--state-dir DIR</c> (a local demo's storage; its Azurite is started for the command
/// when the demo is not running).
/// </summary>
internal sealed class JournalAccess : IAsyncDisposable
{
    private readonly AzuriteProcess? _azurite;

    private JournalAccess(JournalStore store, string? stateDir, AzuriteProcess? azurite)
    {
        Store = store;
        StateDir = stateDir;
        _azurite = azurite;
    }

    public JournalStore Store { get; }

    /// <summary>The demo state folder, when the journal is a demo's.</summary>
    public string? StateDir { get; }

    public JournalReader Reader => new(Store);

    public static (Option<string?> Storage, Option<string?> Account, Option<string> StateDir) Options() => (
        new Option<string?>("--storage") { Description = "Table Storage connection string of the journal" },
        new Option<string?>("--account") { Description = "Storage account name of the journal (signs in with DefaultAzureCredential)" },
        CommonOptions.StateDir());

    public static async Task<JournalAccess> OpenAsync(string? storage, string? account, string stateDir, CancellationToken cancellationToken)
    {
        if (storage is not null)
        {
            return new JournalAccess(JournalStore.Create(new JournalOptions { ConnectionString = storage }), null, null);
        }

        if (account is not null)
        {
            return new JournalAccess(JournalStore.Create(new JournalOptions { TableServiceUri = new Uri($"https://{account}.table.core.windows.net") }), null, null);
        }

        var directory = Path.GetFullPath(stateDir);
        var state = Path.Combine(directory, DemoJournal.StateFile);
        if (!File.Exists(state))
        {
            throw new CliException($"no journal found: {state} does not exist (run 'hoop serve --demo --state-dir {stateDir}' first, or pass --storage / --account)");
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(state, cancellationToken));
        var connection = json.RootElement.GetProperty("connectionString").GetString()!;
        AzuriteProcess? azurite = null;
        if (!await AnswersAsync(connection, cancellationToken) && Directory.Exists(Path.Combine(directory, "azurite")))
        {
            // The demo is not running: open its data with an Azurite of our own for this command.
            azurite = await AzuriteProcess.StartAsync(Path.Combine(directory, "azurite"), cancellationToken);
            connection = azurite.ConnectionString;
        }

        return new JournalAccess(JournalStore.Create(new JournalOptions { ConnectionString = connection }), directory, azurite);
    }

    /// <summary>The chain keys: from the demo's secret store (Key Vault access comes with the identity work).</summary>
    public async Task<JournalKeys> KeysAsync(CancellationToken cancellationToken)
    {
        if (StateDir is null)
        {
            throw new CliException("verifying an Azure journal needs the chain key from Key Vault, which this CLI cannot read yet; run verify with --state-dir against a demo");
        }

        var secret = await new FileSecretStore(Path.Combine(StateDir, "secrets")).GetSecretAsync(JournalKeys.SecretName, cancellationToken)
            ?? throw new CliException($"the demo's chain key ({JournalKeys.SecretName}) is missing from {StateDir}/secrets");
        return JournalKeys.FromSecret(secret);
    }

    /// <summary>The anchors: the demo's folder.</summary>
    public IAnchorStore? Anchors => StateDir is null ? null : new FolderAnchorStore(Path.Combine(StateDir, "anchors"));

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static async Task<bool> AnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        var endpoint = connectionString.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "TableEndpoint")?[1];
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return true;
        }

        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(uri.Host, uri.Port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
