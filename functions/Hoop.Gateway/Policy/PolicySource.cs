using Hoop.Gateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Hoop.Gateway.Policy;

/// <summary>
/// The configured policy, hot-reloaded. Reads <see cref="SettingNames.PolicyFile"/> (a path, watched for changes),
/// else <see cref="SettingNames.Policy"/> (the YAML inline, re-read when configuration reloads), else the embedded
/// <see cref="DefaultPolicy"/>. A new policy replaces the current one atomically, only if it loads without errors;
/// otherwise the old one stays and the errors are logged. Requests keep the document they started with.
/// </summary>
/// <remarks>The first load happens in the constructor and throws when the policy has errors: the gateway does not
/// start on a policy it cannot apply. File events are debounced (editors write in several steps, ConfigMaps swap a
/// symlink), and the file's directory is watched, not the file, so a symlink swap is seen.</remarks>
internal sealed partial class PolicySource : IPolicySource, IDisposable
{
    private static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(300);

    private readonly IConfiguration _configuration;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _debounce;
    private readonly Lock _gate = new();
    private readonly IDisposable _configurationSubscription;
    private PolicySnapshot _snapshot;
    private FileSystemWatcher? _watcher;
    private ITimer? _debounceTimer;
    private string? _watchedFile;
    private bool _disposed;

    public PolicySource(IConfiguration configuration, ILogger<PolicySource> logger, TimeProvider timeProvider)
        : this(configuration, logger, timeProvider, DefaultDebounce)
    {
    }

    internal PolicySource(IConfiguration configuration, ILogger logger, TimeProvider timeProvider, TimeSpan debounce)
    {
        _configuration = configuration;
        _logger = logger;
        _timeProvider = timeProvider;
        _debounce = debounce;

        var (text, source) = ReadConfigured();
        var result = PolicyLoader.Load(text, source);
        if (result.Policy is null)
        {
            throw new InvalidOperationException(
                $"the policy '{source}' has errors and the gateway will not start with it:{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Problems.Select(p => p.Format(source))));
        }

        _snapshot = new PolicySnapshot(result.Policy, 1, text);
        Log.PolicyLoaded(_logger, source, 1, result.Problems.Count);
        Watch(_configuration[SettingNames.PolicyFile]);
        _configurationSubscription = ChangeToken.OnChange(_configuration.GetReloadToken, OnConfigurationChanged);
    }

    /// <inheritdoc/>
    public PolicyDocument Current => Volatile.Read(ref _snapshot).Document;

    /// <inheritdoc/>
    public long Version => Volatile.Read(ref _snapshot).Version;

    /// <inheritdoc/>
    public event EventHandler? Changed;

    /// <summary>Reads the configured policy again and swaps it in if it changed and has no errors.</summary>
    /// <returns>Whether the policy was replaced.</returns>
    public bool Reload()
    {
        string text;
        string source;
        try
        {
            (text, source) = ReadConfigured();
        }
        catch (IOException ex)
        {
            Log.PolicyReadFailed(_logger, _watchedFile ?? "policy", ex);
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.PolicyReadFailed(_logger, _watchedFile ?? "policy", ex);
            return false;
        }

        PolicySnapshot replaced;
        lock (_gate)
        {
            var current = _snapshot;
            if (string.Equals(current.Text, text, StringComparison.Ordinal) && current.Document.SourceName == source)
            {
                return false;
            }

            var result = PolicyLoader.Load(text, source);
            if (result.Policy is null)
            {
                var errors = result.Problems.Where(p => p.Severity == PolicyProblemSeverity.Error).ToList();
                Log.PolicyRejected(_logger, source, errors.Count, string.Join(" | ", errors.Take(5).Select(p => p.Format(source))));
                return false;
            }

            replaced = new PolicySnapshot(result.Policy, current.Version + 1, text);
            Volatile.Write(ref _snapshot, replaced);
            Log.PolicyLoaded(_logger, source, replaced.Version, result.Problems.Count);
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _configurationSubscription.Dispose();
            _watcher?.Dispose();
            _debounceTimer?.Dispose();
        }
    }

    private (string Text, string Source) ReadConfigured()
    {
        if (_configuration[SettingNames.PolicyFile] is { Length: > 0 } path)
        {
            return (File.ReadAllText(path), path);
        }

        return _configuration[SettingNames.Policy] is { Length: > 0 } inline
            ? (inline, "app setting " + SettingNames.Policy)
            : (DefaultPolicy.Text, DefaultPolicy.SourceName);
    }

    private void OnConfigurationChanged()
    {
        Watch(_configuration[SettingNames.PolicyFile]);
        Reload();
    }

    private void Watch(string? file)
    {
        lock (_gate)
        {
            var path = string.IsNullOrEmpty(file) ? null : Path.GetFullPath(file);
            if (_disposed || string.Equals(path, _watchedFile, StringComparison.Ordinal))
            {
                return;
            }

            _watcher?.Dispose();
            _watcher = null;
            _watchedFile = path;
            if (path is null)
            {
                return;
            }

            _debounceTimer ??= _timeProvider.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.Deleted += OnFileEvent;
            _watcher.EnableRaisingEvents = true;
        }
    }

    // Any event in the directory restarts the debounce; the reload compares content, so unrelated files cost one read.
    private void OnFileEvent(object sender, FileSystemEventArgs e) => _debounceTimer?.Change(_debounce, Timeout.InfiniteTimeSpan);
}
