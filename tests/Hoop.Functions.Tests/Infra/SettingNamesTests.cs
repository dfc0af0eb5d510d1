using System.Reflection;
using System.Text.Json;
using Hoop.Gateway.Hosting;

namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// The settings the code reads (<see cref="SettingNames"/>) against the settings the template sets, host.json and
/// docs/deploy.md. A constant added to SettingNames fails here until infra-bicep sets it or it is marked
/// <see cref="OptionalSettingAttribute"/> with a reason, and until docs/deploy.md names it.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class SettingNamesTests(BicepCompilation compilation)
{
    private static readonly IReadOnlyList<(string Key, OptionalSettingAttribute? Optional)> Settings =
    [
        .. typeof(SettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ((string)f.GetRawConstantValue()!, f.GetCustomAttribute<OptionalSettingAttribute>())),
    ];

    private readonly ArmTemplate _template = compilation.Template;

    public static TheoryData<string> RequiredSettings => [.. Settings.Where(s => s.Optional is null).Select(s => AppSettingName(s.Key))];

    public static TheoryData<string> AllSettings => [.. Settings.Select(s => AppSettingName(s.Key))];

    [Fact]
    public void SettingNames_Constants_AreFound()
    {
        Assert.Contains(Settings, s => s.Key == SettingNames.TaskHub && s.Optional is null);
        Assert.Contains(Settings, s => s.Key == SettingNames.PolicyFile && s.Optional is not null);
    }

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void RequiredSetting_Template_SetsItOnEveryDeployment(string appSetting)
    {
        var settings = AppSettings.Of(_template);

        Assert.True(
            settings.Always.ContainsKey(appSetting),
            $"The gateway reads {appSetting}, which infra-bicep/modules/functionAppSettings.bicep (hoopSettings) does not set. Set it there or mark the constant [OptionalSetting(\"why\")].");
    }

    [Fact]
    public void GatewaySettings_Template_SetsNoneTheCodeDoesNotRead()
    {
        var known = Settings.Select(s => AppSettingName(s.Key)).ToHashSet(StringComparer.Ordinal);
        var settings = AppSettings.Of(_template);

        var unknown = settings.Always.Keys.Concat(settings.Conditional.Keys)
            .Where(name => name.StartsWith("Hoop__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("HOOP_", StringComparison.OrdinalIgnoreCase))
            .Where(name => !known.Contains(name));

        Assert.Empty(unknown);
    }

    [Fact]
    public void OptionalSettings_Attribute_GivesAReason()
    {
        foreach (var (key, optional) in Settings.Where(s => s.Optional is not null))
        {
            Assert.False(string.IsNullOrWhiteSpace(optional!.Reason), $"{key}: [OptionalSetting] needs a reason.");
        }
    }

    [Theory]
    [MemberData(nameof(AllSettings))]
    public void Setting_DeployDocs_NameIt(string appSetting)
    {
        var docs = File.ReadAllText(RepositoryPaths.DeployDocs);

        Assert.Contains($"`{appSetting}`", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void HostJson_DurableTaskHub_ComesFromTheTaskHubSetting()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.HostJson));

        var hubName = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();

        Assert.Equal($"%{SettingNames.TaskHub}%", hubName);
        Assert.Equal("[parameters('taskHubName')]", AppSettings.Of(_template).Always[SettingNames.TaskHub]);
    }

    [Fact]
    public void HostJson_HttpRoutePrefix_IsEmpty()
    {
        // Routes are /k8s/..., /sessions, ... at the root: the Easy Auth exclusions and kubeconfigs assume no /api.
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.HostJson));

        var prefix = host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();

        Assert.Equal("", prefix);
    }

    [Fact]
    public void TaskHubName_Parameter_FitsTheDurableTaskLimits()
    {
        var parameter = _template.Parameter("taskHubName");

        Assert.True(parameter.GetProperty("minLength").GetInt32() >= 3);
        Assert.True(parameter.GetProperty("maxLength").GetInt32() <= 45);
    }

    private static string AppSettingName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
