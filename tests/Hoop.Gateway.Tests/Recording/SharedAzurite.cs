using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>
/// One Azurite (the real npm package) for the whole test assembly, started on first use and stopped when the test
/// process exits. Tests isolate themselves with their own table prefix (<see cref="NewPrefix"/>).
/// </summary>
internal static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    public static Task<AzuriteProcess> GetAsync() => Instance.Value;

    /// <summary>A table prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..16];

    private static async Task<AzuriteProcess> StartAsync()
    {
        var location = Path.Combine(Path.GetTempPath(), "hoop-azurite-" + Guid.NewGuid().ToString("N"));
        var azurite = await AzuriteProcess.StartAsync(location);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return azurite;
    }
}
