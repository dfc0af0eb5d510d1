using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>A loaded, schema-checked and semantically checked policy file (docs/policy.md).</summary>
/// <remarks>
/// Immutable: the policy source swaps whole documents, so a request that started under one document finishes
/// under it. <see cref="Masking"/> and <see cref="Approvals"/> are kept as the raw YAML nodes (with their line
/// numbers) until the masking and approvals features give them a typed model.
/// </remarks>
public sealed record PolicyDocument
{
    /// <summary>Where the document came from (file path, <c>app setting</c>, <c>default policy</c>), for messages.</summary>
    public required string SourceName { get; init; }

    /// <summary>Kubernetes connections by name.</summary>
    public required IReadOnlyDictionary<string, ConnectionSpec> Connections { get; init; }

    /// <summary>Roles by name; a session runs under exactly one.</summary>
    public required IReadOnlyDictionary<string, RoleSpec> Roles { get; init; }

    /// <summary>Approver groups by name, as the <c>approvers</c> of approve rules name them.</summary>
    public required IReadOnlyDictionary<string, ApproverGroupSpec> Approvers { get; init; }

    /// <summary>Who may export, verify, replay and read evidence.</summary>
    public required AuditorsSpec Auditors { get; init; }

    /// <summary>The <c>masking</c> section as written (typed by the masking feature).</summary>
    public YamlMappingNode? Masking { get; init; }

    /// <summary>The <c>approvals</c> section (notifiers) as written (typed by the approvals feature).</summary>
    public YamlMappingNode? Approvals { get; init; }
}
