using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.OpenApi;

/// <summary>
/// The OpenAPI v3 operations of one group version, generated from the resource catalog. kubectl reads two things
/// from them: whether a kind's PATCH operation takes <c>fieldValidation</c> (then it leaves validation to the
/// server) and whether it accepts <c>application/strategic-merge-patch+json</c>.
/// </summary>
internal static class OpenApiPaths
{
    private static readonly string[] PatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    public static JsonObject For(string group, string version)
    {
        var paths = new JsonObject();
        var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        foreach (var type in ResourceCatalog.InGroupVersion(group, version))
        {
            var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
            var item = $"{collection}/{{name}}";
            var schema = SchemaName(type.Group, type.Version, type.Kind);
            var collectionOps = new JsonObject();
            AddIf(type, "list", collectionOps, "get", () => Operation(type, "list", "", schema + "List", type, QueryParameters("list")));
            AddIf(type, "create", collectionOps, "post", () => Operation(type, "create", "", schema, type, QueryParameters("write"), ["application/json"]));
            AddIf(type, "deletecollection", collectionOps, "delete", () => Operation(type, "deletecollection", "", "io.k8s.apimachinery.pkg.apis.meta.v1.Status", type, QueryParameters("delete")));
            paths[collection] = WithPathParameters(collectionOps, type.Namespaced, named: false);
            if (type.Namespaced && type.Verbs.Contains("list"))
            {
                paths[$"{prefix}/{type.Plural}"] = WithPathParameters(new JsonObject { ["get"] = Operation(type, "list", "", schema + "List", type, QueryParameters("list"), allNamespaces: true) }, namespaced: false, named: false);
            }

            var itemOps = new JsonObject();
            AddIf(type, "get", itemOps, "get", () => Operation(type, "get", "", schema, type, []));
            AddIf(type, "update", itemOps, "put", () => Operation(type, "update", "", schema, type, QueryParameters("write"), ["application/json"]));
            AddIf(type, "patch", itemOps, "patch", () => Operation(type, "patch", "", schema, type, QueryParameters("patch"), PatchTypes));
            AddIf(type, "delete", itemOps, "delete", () => Operation(type, "delete", "", "io.k8s.apimachinery.pkg.apis.meta.v1.Status", type, QueryParameters("delete")));
            paths[item] = WithPathParameters(itemOps, type.Namespaced, named: true);

            foreach (var sub in type.Subresources)
            {
                var subOps = new JsonObject();
                var kindType = type with { Group = sub.Group ?? type.Group, Version = sub.Version ?? type.Version, Kind = sub.Kind.Length > 0 ? sub.Kind : type.Kind };
                var subSchema = SchemaName(kindType.Group, kindType.Version, kindType.Kind);
                foreach (var verb in sub.Verbs)
                {
                    var (method, parameters, consumes) = verb switch
                    {
                        "get" => ("get", new JsonArray(), (string[]?)null),
                        "update" => ("put", QueryParameters("write"), ["application/json"]),
                        "patch" => ("patch", QueryParameters("patch"), PatchTypes),
                        _ => ("post", QueryParameters("write"), ["application/json"]),
                    };
                    subOps[method] = Operation(type, verb, sub.Name, subSchema, kindType, parameters, consumes);
                }

                paths[$"{item}/{sub.Name}"] = WithPathParameters(subOps, type.Namespaced, named: true);
            }
        }

        return paths;
    }

    public static string SchemaName(string group, string version, string kind) => group switch
    {
        "" => $"io.k8s.api.core.{version}.{kind}",
        _ => $"io.k8s.api.{group.Split('.')[0]}.{version}.{kind}",
    };

    private static void AddIf(ResourceType type, string verb, JsonObject ops, string method, Func<JsonObject> operation)
    {
        if (type.Verbs.Contains(verb))
        {
            ops[method] = operation();
        }
    }

    private static JsonObject Operation(ResourceType type, string verb, string subresource, string schema, ResourceType kind, JsonArray parameters, IReadOnlyList<string>? consumes = null, bool allNamespaces = false)
    {
        var tag = $"{(type.Group.Length == 0 ? "core" : type.Group.Split('.')[0])}_{type.Version}";
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["description"] = $"{verb} {(subresource.Length > 0 ? subresource + " of " : "")}the specified {type.Kind}",
            ["operationId"] = OperationId(type, verb, subresource, allNamespaces),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } },
                },
                ["401"] = new JsonObject { ["description"] = "Unauthorized" },
            },
            ["x-kubernetes-action"] = verb switch { "create" => "post", "update" => "put", "list" => "list", _ => verb },
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = kind.Group, ["kind"] = kind.Kind, ["version"] = kind.Version },
        };
        if (consumes is not null)
        {
            var content = new JsonObject();
            foreach (var mediaType in consumes)
            {
                content[mediaType] = new JsonObject { ["schema"] = Ref(verb == "patch" ? "io.k8s.apimachinery.pkg.apis.meta.v1.Patch" : schema) };
            }

            operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        }

        return operation;
    }

    private static string OperationId(ResourceType type, string verb, string subresource, bool allNamespaces)
    {
        var action = verb switch { "get" => "read", "update" => "replace", "list" => "list", "deletecollection" => "deleteCollection", _ => verb };
        var group = type.Group.Length == 0 ? "Core" : Pascal(type.Group.Split('.')[0]);
        var scope = type.Namespaced && !allNamespaces ? "Namespaced" : "";
        var suffix = allNamespaces ? "ForAllNamespaces" : "";
        return $"{action}{group}{Pascal(type.Version)}{scope}{type.Kind}{Pascal(subresource)}{suffix}";
    }

    private static string Pascal(string word) => word.Length == 0 ? "" : char.ToUpperInvariant(word[0]) + word[1..];

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonArray QueryParameters(string kind) => kind switch
    {
        "list" => Query("allowWatchBookmarks", "boolean", "continue", "string", "fieldSelector", "string", "labelSelector", "string", "limit", "integer", "resourceVersion", "string", "resourceVersionMatch", "string", "sendInitialEvents", "boolean", "timeoutSeconds", "integer", "watch", "boolean"),
        "write" => Query("dryRun", "string", "fieldManager", "string", "fieldValidation", "string"),
        "patch" => Query("dryRun", "string", "fieldManager", "string", "fieldValidation", "string", "force", "boolean"),
        "delete" => Query("dryRun", "string", "gracePeriodSeconds", "integer", "propagationPolicy", "string"),
        _ => [],
    };

    private static JsonArray Query(params string[] namesAndTypes)
    {
        var parameters = new JsonArray();
        for (var i = 0; i < namesAndTypes.Length; i += 2)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = namesAndTypes[i],
                ["in"] = "query",
                ["schema"] = new JsonObject { ["type"] = namesAndTypes[i + 1], ["uniqueItems"] = true },
            });
        }

        return parameters;
    }

    private static JsonObject WithPathParameters(JsonObject ops, bool namespaced, bool named)
    {
        var parameters = new JsonArray();
        if (named)
        {
            parameters.Add(PathParameter("name", "name of the resource"));
        }

        if (namespaced)
        {
            parameters.Add(PathParameter("namespace", "object name and auth scope, such as for teams and projects"));
        }

        ops["parameters"] = parameters;
        return ops;
    }

    private static JsonObject PathParameter(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "path",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}
