using Hoop.Gateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hoop.Functions;

/// <summary>The function app's registrations: the gateway core, nothing else. Program.cs and the wiring tests both call this.</summary>
internal static class FunctionAppServices
{
    public static IServiceCollection AddHoopFunctionApp(this IServiceCollection services, IConfiguration configuration)
        => services.AddHoopGateway(configuration);
}
