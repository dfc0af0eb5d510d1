using System.Text.Json;

namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// A compiled ARM template (the output of <c>bicep build</c>) flattened into its resources, nested modules included,
/// so tests can assert on what would be deployed without reaching Azure.
/// </summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(string json, JsonDocument document)
    {
        Json = json;
        Root = document.RootElement;
        var resources = new List<ArmResource>();
        Collect(Root, "", resources);
        Resources = resources;
    }

    /// <summary>The compiled JSON text.</summary>
    public string Json { get; }

    public JsonElement Root { get; }

    /// <summary>Every resource, depth first; module deployments are listed too, before their contents.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json) => new(json, JsonDocument.Parse(json));

    /// <summary>The resources of a type that the template deploys (not <c>existing</c> references).</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(r => !r.IsExisting && string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one deployed resource with this symbolic name inside the module with this symbolic name.</summary>
    public ArmResource Single(string modulePath, string symbolicName) =>
        Resources.Single(r => r.ModulePath == modulePath && r.SymbolicName == symbolicName && !r.IsExisting);

    /// <summary>A parameter declaration of the top-level template.</summary>
    public JsonElement Parameter(string name) => Root.GetProperty("parameters").GetProperty(name);

    private static void Collect(JsonElement template, string modulePath, List<ArmResource> into)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            return;
        }

        // languageVersion 2.0 keys resources by symbolic name; 1.0 lists them.
        var entries = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => (p.Name, p.Value))
            : resources.EnumerateArray().Select(r => (r.GetProperty("name").GetString()!, r));

        foreach (var (symbolicName, element) in entries)
        {
            var resource = new ArmResource(symbolicName, element, template, modulePath);
            into.Add(resource);
            if (resource.Type == "Microsoft.Resources/deployments"
                && element.GetProperty("properties").TryGetProperty("template", out var nested))
            {
                Collect(nested, modulePath.Length == 0 ? symbolicName : $"{modulePath}/{symbolicName}", into);
            }
        }
    }
}
