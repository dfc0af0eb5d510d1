namespace Hoop.Gateway.Policy;

/// <summary>Which requests a rule can match, from the fields it sets.</summary>
internal enum RuleKind
{
    /// <summary>Neither resource fields nor <c>nonResourceURLs</c>: resource and non-resource requests alike.</summary>
    Any,

    /// <summary>Sets <c>apiGroups</c>, <c>resources</c>, <c>resourceNames</c> or <c>namespaces</c>.</summary>
    Resource,

    /// <summary>Sets <c>nonResourceURLs</c>.</summary>
    NonResource,
}
