using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Hoop.Compliance;

/// <summary>docs/compliance/controls.yaml: the machine-readable control map.</summary>
internal sealed record ControlMap
{
    public string Title { get; init; } = "";

    public string Introduction { get; init; } = "";

    public List<Control> Controls { get; init; } = [];

    /// <summary>SP 800-171 r2 requirement titles; every id a control names must be listed here.</summary>
    public List<Requirement> Requirements { get; init; } = [];

    /// <summary>Reads the map; unknown keys are errors so a misspelt <c>tests:</c> cannot silently drop tests.</summary>
    public static ControlMap Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        using var reader = File.OpenText(path);
        return deserializer.Deserialize<ControlMap>(reader) ?? throw new InvalidDataException(path + " is empty");
    }
}
