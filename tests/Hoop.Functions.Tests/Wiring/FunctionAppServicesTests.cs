using System.Reflection;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Sessions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hoop.Functions.Tests.Wiring;

/// <summary>Builds the app's service provider as Program.cs does and creates every function class from it.</summary>
public sealed class FunctionAppServicesTests
{
    public static TheoryData<Type> FunctionClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(FunctionAppServices).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null)))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void FunctionClasses_Discovered_AreNotEmpty()
    {
        Assert.NotEmpty(FunctionClasses());
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void AddHoopFunctionApp_EveryFunctionClass_Resolves(Type functionClass)
    {
        using var provider = Build();

        var instance = ActivatorUtilities.CreateInstance(provider, functionClass);

        Assert.IsType(functionClass, instance);
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void AddHoopFunctionApp_WithLedger_EveryFunctionClassResolves(Type functionClass)
    {
        using var provider = Build(WithLedger);

        var instance = ActivatorUtilities.CreateInstance(provider, functionClass);

        Assert.IsType(functionClass, instance);
    }

    [Fact]
    public void AddHoopFunctionApp_LedgerConfigured_DurableGateOnTheTableLedgerWithTheInvocationsClient()
    {
        using var provider = Build(WithLedger);

        Assert.IsType<DurableApprovalGate>(provider.GetRequiredService<IApprovalGate>());
        Assert.IsType<TableApprovalLedger>(provider.GetRequiredService<IApprovalLedger>());
        Assert.IsType<AmbientDurableClient>(provider.GetRequiredService<IDurableClientSource>());
        Assert.IsType<StoreSessionValidity>(provider.GetRequiredService<ISessionValidity>());
        Assert.IsType<DurableSessionApprovalGate>(provider.GetRequiredService<ISessionApprovalGate>());
        Assert.Equal("hoopapprovals", provider.GetRequiredService<IOptions<ApprovalLedgerOptions>>().Value.TableName);
    }

    [Fact]
    public void AddHoopFunctionApp_NoLedger_ApprovalsStayClosed()
    {
        using var provider = Build();

        Assert.IsType<UnavailableApprovalGate>(provider.GetRequiredService<IApprovalGate>());
        Assert.Null(provider.GetService<IApprovalLedger>());
        Assert.Null(provider.GetService<ISessionApprovalGate>());
    }

    [Fact]
    public void AddHoopFunctionApp_LedgerTableNamedLikeTheJournal_IsRefused()
    {
        using var provider = Build(new() { [WithLedger.Keys.Single()] = WithLedger.Values.Single(), ["Hoop:Approvals:Ledger:TableName"] = "hoopjournal202611" });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApprovalLedgerOptions>>().Value);

        Assert.Contains("journal", refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> WithLedger => new() { ["Hoop:Approvals:Ledger:TableServiceUri"] = "https://runtime.table.core.windows.net" };

    private static ServiceProvider Build(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddHoopFunctionApp(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
