namespace Hoop.TestCluster.Tables;

/// <summary>One column of a server-side Table (<c>TableColumnDefinition</c>); priority 1 columns show with <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "");
