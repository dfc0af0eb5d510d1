using System.Globalization;
using System.Text;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Selectors;
using Hoop.TestCluster.Store;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>Resource requests: picks the verb from method and path as the apiserver does, then reads or writes the store.</summary>
internal sealed partial class ResourceHandler(ClusterContext cluster)
{
    private readonly ClusterStore _store = cluster.Store;

    public Task HandleAsync(HttpContext context, ResourcePath path, byte[] body)
    {
        if (path.Type.Namespaced && path.Namespace.Length == 0 && path.Name.Length > 0)
        {
            return Responses.WriteStatusAsync(context, ApiStatus.PathNotFound());
        }

        if (path.Subresource.Length > 0)
        {
            return SubresourceAsync(context, path, body);
        }

        var named = path.Name.Length > 0;
        var method = context.Request.Method;
        var verb = (method, named) switch
        {
            ("GET" or "HEAD", true) => "get",
            ("GET" or "HEAD", false) => RequestQuery.Bool(context, "watch") ? "watch" : "list",
            ("POST", false) => "create",
            ("PUT", true) => "update",
            ("PATCH", true) => "patch",
            ("DELETE", true) => "delete",
            ("DELETE", false) => "deletecollection",
            _ => "",
        };
        var allNamespaces = path.Type.Namespaced && path.Namespace.Length == 0;
        if (verb.Length == 0 || !path.Type.Verbs.Contains(verb) || (allNamespaces && verb is not ("list" or "watch")))
        {
            return Responses.WriteStatusAsync(context, ApiStatus.MethodNotAllowed());
        }

        return verb switch
        {
            "get" => GetAsync(context, path),
            "list" => ListAsync(context, path),
            "watch" => new WatchHandler(cluster).HandleAsync(context, path),
            "create" => CreateAsync(context, path, body),
            "update" => UpdateAsync(context, path, body, statusOnly: false),
            "patch" => PatchHandler.HandleAsync(context, cluster, path, body, statusOnly: false),
            "delete" => DeleteAsync(context, path, body),
            _ => DeleteCollectionAsync(context, path, body),
        };
    }

    private Task SubresourceAsync(HttpContext context, ResourcePath path, byte[] body)
    {
        var sub = path.Type.FindSubresource(path.Subresource)!;
        var verb = context.Request.Method switch { "GET" or "HEAD" => "get", "PUT" => "update", "PATCH" => "patch", "POST" => "create", _ => "" };
        if (!sub.Verbs.Contains(verb) || path.Name.Length == 0)
        {
            return Responses.WriteStatusAsync(context, ApiStatus.MethodNotAllowed());
        }

        return (path.Subresource, verb) switch
        {
            ("status", "get") => GetAsync(context, path),
            ("status", "update") => UpdateAsync(context, path, body, statusOnly: true),
            ("status", "patch") => PatchHandler.HandleAsync(context, cluster, path, body, statusOnly: true),
            ("finalize", _) => UpdateAsync(context, path, body, statusOnly: false),
            ("scale", _) => ScaleHandler.HandleAsync(context, cluster, path, body),
            ("log", _) => LogHandler.HandleAsync(context, cluster, path),
            ("token", _) => TokenHandler.HandleAsync(context, cluster, path, body),
            ("eviction", _) => EvictAsync(context, path),

            // exec, attach and portforward are upgraded streams (SPDY / WebSocket) this server does not carry.
            _ => Responses.WriteStatusAsync(context, ApiStatus.BadRequest("Upgrade request required")),
        };
    }

    private Task GetAsync(HttpContext context, ResourcePath path)
    {
        var found = _store.Find(path.Type, path.Namespace, path.Name) ?? throw new ApiException(ApiStatus.NotFound(path.Type, path.Name));
        return Responses.WriteObjectAsync(context, found, cluster.Time);
    }

    private Task ListAsync(HttpContext context, ResourcePath path)
    {
        var (resourceVersion, items) = _store.Snapshot(path.Type, path.Namespace);
        var selected = Select(context, path.Type, items);

        // limit / continue: the continue token carries the offset; later pages read the then-current objects.
        var offset = 0;
        if (RequestQuery.Get(context, "continue") is { Length: > 0 } token)
        {
            offset = DecodeContinue(token);
        }

        var limit = RequestQuery.Long(context, "limit") ?? 0;
        if (offset > 0 || (limit > 0 && limit < selected.Count - offset))
        {
            var page = selected.Skip(offset).Take(limit > 0 ? (int)limit : int.MaxValue).ToList();
            var next = offset + page.Count;
            var remaining = selected.Count - next;
            return Responses.WriteListAsync(context, path.Type, resourceVersion, page, cluster.Time, remaining > 0 ? EncodeContinue(next) : "", remaining > 0 ? remaining : null);
        }

        return Responses.WriteListAsync(context, path.Type, resourceVersion, selected, cluster.Time);
    }

    private static List<StoredObject> Select(HttpContext context, ResourceType type, List<StoredObject> items)
    {
        var labels = LabelSelector.Parse(RequestQuery.Get(context, "labelSelector"));
        var fields = FieldSelector.Parse(RequestQuery.Get(context, "fieldSelector"), type);
        return labels.IsEmpty && fields.IsEmpty ? items : items.Where(o => labels.Matches(o.Labels) && fields.Matches(o)).ToList();
    }

    private static string EncodeContinue(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"v\":\"sim\",\"start\":{offset.ToString(CultureInfo.InvariantCulture)}}}"));

    private static int DecodeContinue(string token)
    {
        try
        {
            var json = Json.ParseObject(Convert.FromBase64String(token));
            return (int)(Json.AsLong(json["start"]) ?? throw new FormatException());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new ApiException(ApiStatus.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)"));
        }
    }
}
