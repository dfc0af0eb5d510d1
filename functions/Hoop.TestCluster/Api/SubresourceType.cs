namespace Hoop.TestCluster.Api;

/// <summary>A subresource (<c>pods/log</c>, <c>deployments/scale</c>) as discovery lists it.</summary>
/// <param name="Name">The subresource name (<c>scale</c>).</param>
/// <param name="Verbs">The verbs it supports.</param>
/// <param name="Kind">The kind it takes and returns (<c>Scale</c>); the parent's kind when empty.</param>
/// <param name="Group">The group of that kind, when it differs from the parent's (<c>autoscaling</c>).</param>
/// <param name="Version">The version of that kind, when it differs from the parent's.</param>
internal sealed record SubresourceType(string Name, IReadOnlyList<string> Verbs, string Kind = "", string? Group = null, string? Version = null);
