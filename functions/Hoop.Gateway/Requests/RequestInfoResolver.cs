using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Hoop.Gateway.Requests;

/// <summary>
/// A faithful port of <c>RequestInfoFactory.NewRequestInfo</c> (k8s.io/apiserver pkg/endpoints/request/requestinfo.go)
/// with the API server's default configuration: API prefixes <c>api</c> and <c>apis</c>, group-less prefix <c>api</c>.
/// </summary>
/// <remarks>
/// <para>Ported from kubernetes/apiserver at commit 24a394e516bfda066d7e2221d7d92c052de27c54 (the Kubernetes 1.37
/// development line) and kubernetes/apimachinery at eed236ceee2c19c2753a3d93ac0631dc20750454 (ListOptions conversion,
/// field and label selector parsing, <c>content.IsPathSegmentName</c>); the apiserver's own test table runs against
/// this port (tests/Hoop.Gateway.Tests/assets/requestinfo/).</para>
/// <para>The path is the DECODED path (Go's <c>URL.Path</c>) and the query is read by Go's rules
/// (<see cref="QueryParameters"/>): duplicated parameters resolve to their first value, as in Go. This class never
/// refuses anything; refusing requests that could be read two ways is <see cref="RequestTargetNormalizer"/>'s job.</para>
/// <para><b>Selectors.</b> <see cref="RequestInfo.FieldSelector"/> and <see cref="RequestInfo.LabelSelector"/> hold the raw
/// first value of the <c>fieldSelector</c> / <c>labelSelector</c> query parameters, set only for the verbs
/// <c>list</c>, <c>watch</c> and <c>deletecollection</c> and only when the verb did not come from the legacy
/// <c>/watch/</c> path prefix; <c>""</c> otherwise. That is exactly what today's <c>RequestInfo</c> holds: the
/// apiserver reads these strings straight from the query (even when list-options decoding failed) and only later, in
/// the authorization filter (<c>GetAuthorizerAttributes</c>), parses them into <c>FieldSelectorRequirements</c> /
/// <c>LabelSelectorRequirements</c> (with a parse error recorded beside them). We keep the raw strings because they are
/// what the API server records on <c>RequestInfo</c>, because a parse error must not make a selector disappear from
/// what policy and the journal see, and because parsing belongs to whoever evaluates selector requirements. From
/// Kubernetes 1.31 to 1.36 the apiserver filled these fields only with the <c>AuthorizeWithSelectors</c> feature gate
/// on (beta and on by default from 1.32); the gate was removed with the behaviour kept, which is what we mirror.</para>
/// <para><b>Errors.</b> Go returns an error for a legacy special-verb prefix with nothing after it
/// (<c>/api/v1/watch</c>, <c>/apis/g/v/proxy</c>); the API server then answers 500 and serves nothing.
/// <see cref="Resolve"/> returns the partial info Go returns beside that error; <see cref="TryResolve"/> also reports it.</para>
/// </remarks>
internal static class RequestInfoResolver
{
    private const string ListOptionsNameField = "metadata.name";

    // requestinfo.go: specialVerbs, specialVerbsNoSubresources, namespaceSubresources, verbsWithSelectors.
    private static readonly FrozenSet<string> SpecialVerbs = FrozenSet.Create(StringComparer.Ordinal, "proxy", "watch");
    private static readonly FrozenSet<string> NamespaceSubresources = FrozenSet.Create(StringComparer.Ordinal, "status", "finalize");
    private static readonly FrozenSet<string> VerbsWithSelectors = FrozenSet.Create(StringComparer.Ordinal, "list", "watch", "deletecollection");

    /// <summary>Reads a request as the API server does (Go's <c>NewRequestInfo</c>), returning the info even where Go also returns an error.</summary>
    /// <param name="method">The HTTP method, as sent (case-sensitive, like Go).</param>
    /// <param name="path">The decoded URL path as the API server sees it (without any gateway prefix).</param>
    /// <param name="query">The query, parsed by Go's rules.</param>
    public static RequestInfo Resolve(string method, string path, QueryParameters query)
    {
        TryResolve(method, path, query, out var info, out _);
        return info;
    }

    /// <summary>Like <see cref="Resolve"/>, and reports the error Go's <c>NewRequestInfo</c> returns (the API server then answers 500).</summary>
    public static bool TryResolve(string method, string path, QueryParameters query, out RequestInfo info, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        error = null;

        // Start with a non-resource request until proven otherwise.
        info = new RequestInfo { IsResourceRequest = false, Path = path, Verb = LowerAscii(method) };

        var parts = SplitPath(path);
        if (parts.Length < 3 || parts[0] is not ("api" or "apis"))
        {
            return true;
        }

        var apiPrefix = parts[0];
        var current = parts.AsSpan(1);
        var apiGroup = "";
        if (apiPrefix != "api")
        {
            // One part (the prefix) is consumed, so this asks "are there four parts?".
            if (current.Length < 3)
            {
                return true;
            }

            apiGroup = current[0];
            current = current[1..];
        }

        var apiVersion = current[0];
        current = current[1..];
        info = info with { IsResourceRequest = true, ApiPrefix = apiPrefix, ApiGroup = apiGroup, ApiVersion = apiVersion };

        // Input of the form /{specialVerb}/*
        string verb;
        var verbViaPathPrefix = false;
        if (SpecialVerbs.Contains(current[0]))
        {
            if (current.Length < 2)
            {
                error = $"unable to determine kind and namespace from url, {path}";
                return false;
            }

            verb = current[0];
            current = current[1..];
            verbViaPathPrefix = true;
        }
        else
        {
            verb = method switch
            {
                "POST" => "create",
                "GET" or "HEAD" => "get",
                "PUT" => "update",
                "PATCH" => "patch",
                "DELETE" => "delete",
                _ => "",
            };
        }

        // URL forms: /namespaces/{namespace}/{kind}/*, where parts are adjusted to be relative to kind.
        var ns = "";
        if (current[0] == "namespaces" && current.Length > 1)
        {
            ns = current[1];

            // Another step after the namespace name that is not a namespace subresource is a resource in its own right.
            if (current.Length > 2 && !NamespaceSubresources.Contains(current[2]))
            {
                current = current[2..];
            }
        }

        // parts look like: resource/resourceName/subresource/other/stuff/we/don't/interpret
        var resourceParts = current.ToArray();
        var resource = resourceParts[0];
        var name = resourceParts.Length >= 2 ? resourceParts[1] : "";
        var subresource = resourceParts.Length >= 3 && verb != "proxy" ? resourceParts[2] : "";

        // No name and we thought it was a get: the actual verb is list or watch.
        if (name.Length == 0 && verb == "get")
        {
            var options = ListOptionsDecoder.Read(query);
            verb = options.Watch ? "watch" : "list";
            if (options.ExactName is { } exactName && KubernetesNames.IsPathSegmentName(exactName))
            {
                name = exactName;
            }
        }

        // No name and we thought it was a delete: the actual verb is deletecollection.
        if (name.Length == 0 && verb == "delete")
        {
            verb = "deletecollection";
        }

        // Selector authorization is not supported on the deprecated verb-via-path mechanism; the apiserver reads the raw
        // query values here because a list-options decoding failure above would have lost them.
        var fieldSelector = "";
        var labelSelector = "";
        if (!verbViaPathPrefix && VerbsWithSelectors.Contains(verb))
        {
            fieldSelector = query.Get("fieldSelector") ?? "";
            labelSelector = query.Get("labelSelector") ?? "";
        }

        info = info with
        {
            Verb = verb,
            Namespace = ns,
            Parts = resourceParts,
            Resource = resource,
            Name = name,
            Subresource = subresource,
            FieldSelector = fieldSelector,
            LabelSelector = labelSelector,
        };
        return true;
    }

    // requestinfo.go splitPath: trim every leading and trailing '/', then split; empty segments inside are kept.
    private static string[] SplitPath(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    // Go's strings.ToLower(req.Method); HTTP methods are tokens (ASCII), so ASCII lowering is exact for them.
    private static string LowerAscii(string method)
    {
        foreach (var c in method)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return string.Create(method.Length, method, static (span, m) =>
                {
                    for (var i = 0; i < m.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterUpper(m[i]) ? (char)(m[i] | 0x20) : m[i];
                    }
                });
            }
        }

        return method;
    }
}
