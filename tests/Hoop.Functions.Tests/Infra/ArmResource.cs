using System.Text.Json;

namespace Hoop.Functions.Tests.Infra;

/// <summary>One resource of a compiled ARM template, wherever it sits among the nested module deployments.</summary>
/// <param name="SymbolicName">The Bicep symbolic name (languageVersion 2.0), or the name expression (1.0).</param>
/// <param name="Element">The resource's JSON.</param>
/// <param name="Template">The template (module) that declares it: its parameters and variables.</param>
/// <param name="ModulePath">Symbolic names of the enclosing module deployments, outermost first, joined by '/'.</param>
internal sealed record ArmResource(string SymbolicName, JsonElement Element, JsonElement Template, string ModulePath)
{
    public string Type => Element.GetProperty("type").GetString()!;

    public string Name => Element.GetProperty("name").GetString()!;

    /// <summary>The deployment condition expression, or null when the resource is always deployed.</summary>
    public string? Condition =>
        Element.TryGetProperty("condition", out var condition) ? condition.ToString() : null;

    /// <summary>True for an <c>existing</c> reference (not deployed).</summary>
    public bool IsExisting =>
        Element.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True;

    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>The scope expression of an extension resource (role assignment, diagnostic setting, lock).</summary>
    public string? Scope => Element.TryGetProperty("scope", out var scope) ? scope.GetString() : null;

    /// <summary>Reads a property path below the resource, e.g. <c>properties.siteConfig.minTlsVersion</c>.</summary>
    public JsonElement At(string path)
    {
        var current = Element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new KeyNotFoundException($"{Type} '{SymbolicName}' in {ModulePath} has no '{path}'.");
            }
        }

        return current;
    }

    /// <summary>The declaration of a parameter of the enclosing template (type, defaultValue, minValue, ...).</summary>
    public JsonElement Parameter(string name) => Template.GetProperty("parameters").GetProperty(name);

    /// <summary>A variable of the enclosing template, as compiled (literal JSON with expression strings).</summary>
    public JsonElement Variable(string name) => Template.GetProperty("variables").GetProperty(name);
}
