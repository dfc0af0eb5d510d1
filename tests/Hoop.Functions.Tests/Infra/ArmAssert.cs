using System.Text.Json;

namespace Hoop.Functions.Tests.Infra;

/// <summary>Assertions on compiled template values.</summary>
internal static class ArmAssert
{
    public static void IsTrue(ArmResource resource, string path) =>
        Assert.True(resource.At(path).ValueKind == JsonValueKind.True, $"{Describe(resource)}: {path} must be true, is {resource.At(path)}.");

    public static void IsFalse(ArmResource resource, string path) =>
        Assert.True(resource.At(path).ValueKind == JsonValueKind.False, $"{Describe(resource)}: {path} must be false, is {resource.At(path)}.");

    public static void IsString(ArmResource resource, string path, string expected) =>
        Assert.True(
            resource.At(path).ValueKind == JsonValueKind.String && resource.At(path).GetString() == expected,
            $"{Describe(resource)}: {path} must be '{expected}', is {resource.At(path)}.");

    /// <summary>The value is exactly <c>[parameters('name')]</c>; returns that parameter's declaration.</summary>
    public static JsonElement IsParameter(ArmResource resource, string path, string parameter)
    {
        Assert.Equal(parameter, ArmExpression.ParameterName(resource.At(path).GetString()));
        return resource.Parameter(parameter);
    }

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string Describe(ArmResource resource) => $"{resource.Type} '{resource.SymbolicName}' ({resource.ModulePath})";
}
