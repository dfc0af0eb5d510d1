using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Policy;

/// <summary>
/// Facts about a request that its verb alone does not tell, each of which the API server acts on: a watch that starts
/// by listing, a write that may create, a dry run. Each is read the way the API server reads it.
/// </summary>
internal static class RequestTraits
{
    /// <summary>
    /// Whether a watch starts by sending every existing object, which is a list: <c>sendInitialEvents=true</c>, or a
    /// <c>resourceVersion</c> that is unset or <c>0</c> ("start at most recent / any": synthetic ADDED events first).
    /// </summary>
    public static bool WatchStartsWithList(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        // strconv.ParseBool's true spellings, which the API server's query decoding uses.
        if (First(query, "sendInitialEvents") is "1" or "t" or "T" or "true" or "TRUE" or "True")
        {
            return true;
        }

        return First(query, "resourceVersion") is null or "" or "0";
    }

    /// <summary>Whether a write may create the object: server-side apply (PATCH with an apply-patch media type) and
    /// update (PUT) both create a missing object, and the API server then authorizes them as <c>create</c> too.</summary>
    public static bool MayCreate(RequestInfo info, string contentType) =>
        info.IsResourceRequest
        && (info.Verb == "update"
            || (info.Verb == "patch" && contentType.TrimStart().StartsWith("application/apply-patch", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Whether the API server will treat the request as a dry run. Create, update and patch read <c>dryRun</c> from the
    /// query. Delete reads <c>DeleteOptions</c> from the body when there is one (the query is then ignored), else from
    /// the query. Delete-collection is judged only by its body: older API servers ignore its query options.
    /// </summary>
    public static bool IsDryRun(RequestInfo info, IReadOnlyList<KeyValuePair<string, string>> query, RequestBody? body) => info.Verb switch
    {
        "create" or "update" or "patch" => QueryDryRun(query),
        "delete" => body is { IsEmpty: false } ? body.IsDeleteOptionsDryRun() : QueryDryRun(query),
        "deletecollection" => body is { IsEmpty: false } && body.IsDeleteOptionsDryRun(),
        _ => false,
    };

    /// <summary>Whether the request opens an interactive stream the gateway never carries (and so can never approve).</summary>
    public static bool IsInteractiveStream(RequestInfo info) =>
        info.IsResourceRequest
        && info.Resource.Equals("pods", StringComparison.OrdinalIgnoreCase)
        && (info.Subresource.Equals("exec", StringComparison.OrdinalIgnoreCase)
            || info.Subresource.Equals("attach", StringComparison.OrdinalIgnoreCase)
            || info.Subresource.Equals("portforward", StringComparison.OrdinalIgnoreCase));

    /// <summary>Go's <c>Values.Get</c>: the first value of <paramref name="key"/> (case-sensitive), or null when absent.</summary>
    public static string? First(IReadOnlyList<KeyValuePair<string, string>> query, string key)
    {
        for (var i = 0; i < query.Count; i++)
        {
            if (string.Equals(query[i].Key, key, StringComparison.Ordinal))
            {
                return query[i].Value;
            }
        }

        return null;
    }

    // The API server accepts only "All" (anything else is a 400), and dryRun is a list: every value must be "All".
    private static bool QueryDryRun(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var any = false;
        for (var i = 0; i < query.Count; i++)
        {
            if (string.Equals(query[i].Key, "dryRun", StringComparison.Ordinal))
            {
                if (!string.Equals(query[i].Value, "All", StringComparison.Ordinal))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }
}
