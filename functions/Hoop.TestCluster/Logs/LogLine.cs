namespace Hoop.TestCluster.Logs;

/// <summary>One line a container wrote, with when it wrote it.</summary>
internal sealed record LogLine(DateTimeOffset Time, string Text);
