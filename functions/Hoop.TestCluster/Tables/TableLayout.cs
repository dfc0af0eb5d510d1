using System.Text.Json;

namespace Hoop.TestCluster.Tables;

/// <summary>A resource's Table columns and how to compute one row's cells (strings or integers) from an object.</summary>
internal sealed record TableLayout(IReadOnlyList<TableColumn> Columns, Func<JsonElement, DateTimeOffset, object[]> Cells);
