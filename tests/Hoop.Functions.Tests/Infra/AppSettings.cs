using System.Text.Json;

namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// The app settings the compiled template gives the function app (the <c>appsettings</c> config resource), split
/// into those set on every deployment and those set only under a condition (e.g. Elastic Premium only).
/// </summary>
/// <remarks>
/// bicep compiles <c>union(runtimeSettings, hoopSettings, isFlex ? {} : elasticPremiumSettings)</c> into an
/// expression over literal variables; the names are read from those variables, and a variable read only inside an
/// <c>if()</c> counts as conditional.
/// </remarks>
internal sealed class AppSettings
{
    private AppSettings(Dictionary<string, string> always, Dictionary<string, string> conditional)
    {
        Always = always;
        Conditional = conditional;
    }

    /// <summary>Settings every deployment sets: name to value (a literal or an ARM expression).</summary>
    public IReadOnlyDictionary<string, string> Always { get; }

    /// <summary>Settings set only under a condition: name to value.</summary>
    public IReadOnlyDictionary<string, string> Conditional { get; }

    public static AppSettings Of(ArmTemplate template)
    {
        var config = Assert.Single(
            template.OfType("Microsoft.Web/sites/config"),
            r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
        var always = new Dictionary<string, string>(StringComparer.Ordinal);
        var conditional = new Dictionary<string, string>(StringComparer.Ordinal);

        if (config.Properties.ValueKind == JsonValueKind.Object)
        {
            Add(config.Properties, always);
        }
        else
        {
            var references = ArmExpression.VariableReferences(config.Properties.GetString()!);
            Assert.NotEmpty(references);
            foreach (var (name, isConditional) in references)
            {
                var variable = config.Variable(name);
                Assert.True(variable.ValueKind == JsonValueKind.Object, $"Variable '{name}' must be a literal object of settings.");
                Add(variable, isConditional ? conditional : always);
            }
        }

        return new AppSettings(always, conditional);
    }

    private static void Add(JsonElement settings, Dictionary<string, string> into)
    {
        foreach (var setting in settings.EnumerateObject())
        {
            into[setting.Name] = setting.Value.ToString();
        }
    }
}
