using System.Reflection;
using BenchmarkDotNet.Running;
using Hoop.Bench;

if (args is ["latency", ..])
{
    return await GatewayLatencyRun.RunAsync(args[1..]);
}

if (args is ["approval", ..])
{
    return await ApprovalLatencyRun.RunAsync(args[1..]);
}

if (args is ["masking-probe", ..])
{
    return MaskingProbe.Run();
}

if (args is ["masking", ..])
{
    return MaskingRun.Run(args[1..]);
}

if (args is ["journal", ..])
{
    return await JournalLoadRun.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
