namespace Hoop.TestCluster.Api;

/// <summary>A resource the simulated cluster serves, with what discovery says about it.</summary>
internal sealed record ResourceType
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required string Kind { get; init; }
    public required bool Namespaced { get; init; }
    public IReadOnlyList<string> Verbs { get; init; } = ResourceCatalog.AllVerbs;
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<SubresourceType> Subresources { get; init; } = [];

    /// <summary>Field selector labels the resource supports besides <c>metadata.name</c> and <c>metadata.namespace</c>.</summary>
    public IReadOnlyList<string> FieldLabels { get; init; } = [];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The group-qualified resource as the apiserver prints it in messages (<c>deployments.apps</c>).</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The group-qualified kind as the apiserver prints it in Invalid messages (<c>Deployment.apps</c>).</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public SubresourceType? FindSubresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);
}
