using Hoop.Gateway.Policy;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Policy;

/// <summary>Compact builders for rules and requests in matching tables. Lists are comma-separated; '~' is the empty
/// string (the core API group); '-' leaves a field absent.</summary>
internal static class RuleFactory
{
    public static PolicyRule Rule(string action, string verbs = "-", string groups = "-", string resources = "-", string names = "-", string namespaces = "-", string urls = "-") => new()
    {
        Id = "r",
        Action = action switch
        {
            "allow" => DecisionAction.Allow,
            "approve" => DecisionAction.Approve,
            _ => DecisionAction.Block,
        },
        Approvers = action == "approve" ? ["leads"] : null,
        Verbs = List(verbs),
        ApiGroups = List(groups),
        Resources = List(resources),
        ResourceNames = List(names),
        Namespaces = List(namespaces),
        NonResourceURLs = List(urls),
    };

    public static RequestInfo Resource(string verb, string group, string resource, string subresource = "", string ns = "", string name = "") => new()
    {
        IsResourceRequest = true,
        Verb = verb,
        ApiPrefix = group.Length == 0 ? "api" : "apis",
        ApiGroup = group,
        ApiVersion = "v1",
        Namespace = ns,
        Resource = resource,
        Subresource = subresource,
        Name = name,
    };

    public static RequestInfo NonResource(string verb, string path) => new() { IsResourceRequest = false, Verb = verb, Path = path };

    private static List<string>? List(string value) =>
        value == "-" ? null : [.. value.Split(',').Select(v => v == "~" ? "" : v)];
}
