using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hoop.Gateway.Recording;

/// <summary>The JSON form of the evidence report for GRC tools (docs/compliance/evidence-report.schema.json).</summary>
internal static class EvidenceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(EvidenceReport report) => JsonSerializer.Serialize(report, Options);

    public static Task WriteAsync(EvidenceReport report, Stream output, CancellationToken cancellationToken = default)
        => JsonSerializer.SerializeAsync(output, report, Options, cancellationToken);
}
