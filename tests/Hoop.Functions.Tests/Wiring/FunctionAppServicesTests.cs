using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddHoopFunctionApp(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var instance = ActivatorUtilities.CreateInstance(provider, functionClass);

        Assert.IsType(functionClass, instance);
    }
}
