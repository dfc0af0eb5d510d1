using System.Text.Json;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Http;
using Hoop.TestCluster.Store;

namespace Hoop.TestCluster.Tables;

/// <summary>
/// Writes <c>meta.k8s.io</c> Tables: what <c>kubectl get</c> asks for. Each row carries the object as
/// <c>includeObject</c> says: <c>Metadata</c> (the default, a PartialObjectMetadata), <c>Object</c> or <c>None</c>.
/// </summary>
internal sealed class TableWriter(ResourceType type, string version, string? includeObject, TimeProvider time)
{
    private readonly TableLayout _layout = TableLayouts.For(type);

    public string ContentType => $"application/json;as=Table;v={version};g=meta.k8s.io";

    public void Write(Utf8JsonWriter writer, IReadOnlyList<StoredObject> items, long resourceVersion, bool withHeaders, string continueToken = "", long? remaining = null)
    {
        var now = time.GetUtcNow();
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", $"meta.k8s.io/{version}");
        Responses.WriteListMetadata(writer, resourceVersion, continueToken, remaining);
        if (withHeaders)
        {
            writer.WriteStartArray("columnDefinitions");
            foreach (var column in _layout.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("type", column.Type);
                writer.WriteString("format", column.Format);
                writer.WriteString("description", column.Description);
                writer.WriteNumber("priority", column.Priority);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else
        {
            // Watch events after the first carry no headers (TableOptions.NoHeaders), as the apiserver sends them.
            writer.WriteNull("columnDefinitions");
        }

        writer.WriteStartArray("rows");
        foreach (var item in items)
        {
            using var document = JsonDocument.Parse(item.Utf8);
            writer.WriteStartObject();
            writer.WriteStartArray("cells");
            foreach (var cell in _layout.Cells(document.RootElement, now))
            {
                if (cell is long number)
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(cell.ToString());
                }
            }

            writer.WriteEndArray();
            WriteRowObject(writer, item, document.RootElement);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteRowObject(Utf8JsonWriter writer, StoredObject item, JsonElement root)
    {
        switch (includeObject)
        {
            case "None":
                return;
            case "Object":
                writer.WritePropertyName("object");
                writer.WriteRawValue(item.Utf8, skipInputValidation: true);
                return;
            default:
                writer.WriteStartObject("object");
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", "meta.k8s.io/v1");
                if (root.TryGetProperty("metadata", out var metadata))
                {
                    writer.WritePropertyName("metadata");
                    metadata.WriteTo(writer);
                }

                writer.WriteEndObject();
                return;
        }
    }
}
