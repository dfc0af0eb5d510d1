using Hoop.Gateway.Hosting;
using Hoop.Gateway.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Hoop.Gateway.Tests.Policy.RuleFactory;

namespace Hoop.Gateway.Tests.Policy;

public sealed class PolicySourceTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _dir = Directory.CreateTempSubdirectory("hoop-policy-").FullName;
    private readonly ListLogger _logger = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Constructor_NothingConfigured_UsesDefaultPolicy()
    {
        using var source = new PolicySource(Config(), _logger, TimeProvider.System, Debounce);

        Assert.Equal(DefaultPolicy.Document.Roles.Keys, source.Current.Roles.Keys);
        Assert.Equal(DefaultPolicy.SourceName, source.Current.SourceName);
        Assert.Equal(1, source.Version);
    }

    [Fact]
    public void Constructor_InvalidPolicy_ThrowsWithProblems()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new PolicySource(Config((SettingNames.Policy, PolicyAssets.Read("reload-invalid.yaml"))), _logger, TimeProvider.System, Debounce));

        Assert.Contains(":12:17: error: 'fetch' is not one of", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_InlineSettingChanged_SwapsPolicy()
    {
        var config = Config((SettingNames.Policy, PolicyAssets.Read("reload-a.yaml")));
        using var source = new PolicySource(config, _logger, TimeProvider.System, Debounce);
        var changed = 0;
        source.Changed += (_, _) => changed++;

        config[SettingNames.Policy] = PolicyAssets.Read("reload-b.yaml");
        config.Reload();

        Assert.Equal(2, source.Version);
        Assert.Equal(1, changed);
        Assert.Equal("no-pods", source.Current.Roles["agent"].Rules[0].Id);
    }

    [Fact]
    public void Reload_InvalidInlineSetting_KeepsOldPolicyAndLogsError()
    {
        var config = Config((SettingNames.Policy, PolicyAssets.Read("reload-a.yaml")));
        using var source = new PolicySource(config, _logger, TimeProvider.System, Debounce);
        var before = source.Current;

        config[SettingNames.Policy] = PolicyAssets.Read("reload-invalid.yaml");
        config.Reload();

        Assert.Same(before, source.Current);
        Assert.Equal(1, source.Version);
        var error = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(3002, error.Id.Id);
        Assert.Contains("'fetch' is not one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileChanged_IsPickedUp_AndInvalidFileIsRefused()
    {
        var file = Path.Combine(_dir, "policy.yaml");
        File.Copy(PolicyAssets.Path_("reload-a.yaml"), file);
        using var source = new PolicySource(Config((SettingNames.PolicyFile, file)), _logger, TimeProvider.System, Debounce);
        var evaluator = new PolicyEvaluator(source);
        var pods = Resource("get", "", "pods", ns: "default", name: "p");
        Assert.Equal(DecisionAction.Allow, evaluator.Decide("agent", pods).Action);

        await ReplaceAsync(file, "reload-b.yaml");
        await WaitUntilAsync(() => source.Version == 2);
        Assert.Equal(DecisionAction.Block, evaluator.Decide("agent", pods).Action);

        await ReplaceAsync(file, "reload-invalid.yaml");
        await WaitUntilAsync(() => _logger.Entries.Any(e => e.Id.Id == 3002));
        Assert.Equal(2, source.Version);
        Assert.Equal(DecisionAction.Block, evaluator.Decide("agent", pods).Action);
    }

    [Fact]
    public void Reload_DuringDecisions_EachDecisionIsFromOneWholePolicy()
    {
        var config = Config((SettingNames.Policy, PolicyAssets.Read("reload-a.yaml")));
        using var source = new PolicySource(config, _logger, TimeProvider.System, Debounce);
        var evaluator = new PolicyEvaluator(source);
        var pods = Resource("get", "", "pods", ns: "default", name: "p");
        var texts = new[] { PolicyAssets.Read("reload-b.yaml"), PolicyAssets.Read("reload-a.yaml") };
        using var stop = new CancellationTokenSource();

        var deciders = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<string>();
            while (!stop.IsCancellationRequested)
            {
                var decision = evaluator.Decide("agent", pods);
                seen.Add($"{decision.Action}:{decision.Rule}");
            }

            return seen;
        })).ToArray();
        for (var i = 0; i < 200; i++)
        {
            config[SettingNames.Policy] = texts[i % 2];
            config.Reload();
        }

        stop.Cancel();
        var outcomes = deciders.SelectMany(t => t.Result).ToHashSet();

        Assert.Equal(201, source.Version);
        Assert.Subset(new HashSet<string> { "Allow:read-pods", "Block:no-pods" }, outcomes);
    }

    [Fact]
    public async Task AddHoopPolicy_RegistersDeciderOverTheConfiguredPolicy()
    {
        var config = Config((SettingNames.Policy, PolicyAssets.Read("reload-b.yaml")));
        var services = new ServiceCollection().AddLogging().AddHoopPolicy(config);
        using var provider = services.BuildServiceProvider();

        var decider = provider.GetRequiredService<IPolicyDecider>();
        var decision = await decider.DecideAsync(new DecisionRequest
        {
            Session = new("s", "u", [], "agent", "demo", DateTimeOffset.MaxValue),
            Info = Resource("list", "", "pods", ns: "default"),
            Method = "GET",
        });

        Assert.Equal("blocked by rule \"no-pods\": Pods are off limits today.", decision.Message);
        Assert.Same(provider.GetRequiredService<IPolicySource>(), provider.GetRequiredService<PolicySource>());
    }

    private static IConfigurationRoot Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    // Write then rename, as editors and ConfigMap updates do, so the watcher never sees half a file.
    private static async Task ReplaceAsync(string file, string asset)
    {
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, PolicyAssets.Read(asset));
        File.Move(temp, file, overwrite: true);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the policy file to be picked up");
            await Task.Delay(20);
        }
    }
}
