using Hoop.Compliance;

namespace Hoop.Functions.Tests.Compliance;

public sealed class ControlMapRendererTests
{
    private static readonly string Folder = Path.Combine(Wiring.RepositoryPaths.Root, "docs", "compliance");

    [Fact]
    public void Render_RepositoryMap_IsTheCommittedReadme()
    {
        var rendered = ControlMapRenderer.Render(ControlMap.Load(Path.Combine(Folder, "controls.yaml")));

        // When this fails: dotnet run --project tools/Hoop.Compliance -- render docs/compliance/controls.yaml docs/compliance/README.md
        Assert.Equal(rendered, File.ReadAllText(Path.Combine(Folder, "README.md")));
    }

    [Fact]
    public void Render_PlannedControl_SaysNotYetMet()
    {
        var rendered = ControlMapRenderer.Render(ControlMap.Load(Path.Combine(AppContext.BaseDirectory, "assets", "compliance", "controls.yaml")));

        Assert.Contains("| [XX-3](#xx-3) | Not run, skipped, untested | planned — not yet met | 9.9.2 | 2 |", rendered, StringComparison.Ordinal);
        Assert.Contains("- `Sample.Tests.TheoryTests.Case_Each_Passes`", rendered, StringComparison.Ordinal);
    }
}
