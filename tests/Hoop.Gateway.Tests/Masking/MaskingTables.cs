using System.Text.Json;

namespace Hoop.Gateway.Tests.Masking;

/// <summary>The rule tables under assets/masking, as xunit theory data.</summary>
public static class MaskingTables
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<TextCase> TextCases()
    {
        var data = new TheoryData<TextCase>();
        foreach (var item in JsonSerializer.Deserialize<List<TextCase>>(MaskingHarness.Asset("text-cases.json"), Options)!)
        {
            data.Add(item);
        }

        return data;
    }
}
